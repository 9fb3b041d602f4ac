using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Grains.Users;
using Npgsql;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>
/// Counts a probe's traffic onto users exactly once, inside the node's turn: deltas are taken against the
/// last-seen counters in <c>node_counter_sets</c> (one packed row per node), which move forward in the same
/// transaction as the users' usage. A counter lower than last seen means the core restarted: what it shows now is
/// all new traffic.
/// </summary>
internal static class NodeTrafficAccounting
{
    public static async Task<AccountingResult> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string nodeId, IReadOnlyList<TrafficCounter> counters, DateTimeOffset now)
    {
        var lastSeen = await ReadLastSeenAsync(connection, transaction, nodeId);
        var changed = 0;
        var perUser = new SortedDictionary<string, (long Upload, long Download)>(StringComparer.Ordinal);
        var wentDown = false;
        foreach (var counter in counters)
        {
            var protocol = ProtocolNames.Of(counter.Protocol);
            var (lastUp, lastDown) = lastSeen.GetValueOrDefault((protocol, counter.UserId));
            if (counter.Upload == lastUp && counter.Download == lastDown)
            {
                continue;
            }
            var restarted = counter.Upload < lastUp || counter.Download < lastDown;
            wentDown |= restarted;
            var deltaUp = restarted ? counter.Upload : counter.Upload - lastUp;
            var deltaDown = restarted ? counter.Download : counter.Download - lastDown;
            lastSeen[(protocol, counter.UserId)] = (counter.Upload, counter.Download);
            changed++;
            var sum = perUser.GetValueOrDefault(counter.UserId);
            perUser[counter.UserId] = (sum.Upload + deltaUp, sum.Download + deltaDown);
        }
        if (changed == 0)
        {
            return new AccountingResult(0, 0, [], wentDown);
        }

        await SaveLastSeenAsync(connection, transaction, nodeId, lastSeen);
        var toReview = await AddToUsersAsync(connection, transaction, nodeId, perUser, now);
        return new AccountingResult(perUser.Values.Sum(v => v.Upload), perUser.Values.Sum(v => v.Download), toReview, wentDown);
    }

    private static async Task<Dictionary<(string Protocol, string UserId), (long Upload, long Download)>> ReadLastSeenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string nodeId)
    {
        await using var command = new NpgsqlCommand("SELECT counters FROM node_counter_sets WHERE node_id = $1", connection, transaction);
        command.Parameters.Add(new() { Value = nodeId });
        return await command.ExecuteScalarAsync() is byte[] packed ? NodeCounterSet.Read(packed) : new();
    }

    /// <summary>Rewrites the node's whole set: one row, however many counters moved.</summary>
    private static async Task SaveLastSeenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string nodeId, Dictionary<(string, string), (long, long)> lastSeen)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO node_counter_sets (node_id, counters) VALUES ($1, $2)
            ON CONFLICT (node_id) DO UPDATE SET counters = EXCLUDED.counters
            """, connection, transaction);
        command.Parameters.Add(new() { Value = nodeId });
        command.Parameters.Add(new() { Value = NodeCounterSet.Write(lastSeen) });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Adds the deltas to users (rows locked in id order, so concurrent node turns cannot deadlock) and returns who needs a review.</summary>
    private static async Task<IReadOnlyList<string>> AddToUsersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string nodeId, SortedDictionary<string, (long Upload, long Download)> perUser, DateTimeOffset now)
    {
        var ids = perUser.Keys.ToArray();
        var ups = perUser.Values.Select(v => v.Upload).ToArray();
        var downs = perUser.Values.Select(v => v.Download).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT 1 FROM user_traffic WHERE user_id = ANY($1) ORDER BY user_id FOR UPDATE")
                {
                    Parameters = { new() { Value = ids } },
                },
                new NpgsqlBatchCommand(
                    """
                    UPDATE user_traffic t SET upload_bytes = t.upload_bytes + d.up, download_bytes = t.download_bytes + d.down, updated_at = $4
                    FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(id, up, down) WHERE t.user_id = d.id
                    """)
                {
                    Parameters = { new() { Value = ids }, new() { Value = ups }, new() { Value = downs }, new() { Value = now } },
                },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO user_node_traffic (user_id, node_id, upload_bytes, download_bytes)
                    SELECT d.id, $4, d.up, d.down FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(id, up, down)
                    JOIN user_traffic t ON t.user_id = d.id
                    ON CONFLICT (user_id, node_id) DO UPDATE
                    SET upload_bytes = user_node_traffic.upload_bytes + EXCLUDED.upload_bytes,
                        download_bytes = user_node_traffic.download_bytes + EXCLUDED.download_bytes
                    """)
                {
                    Parameters = { new() { Value = ids }, new() { Value = ups }, new() { Value = downs }, new() { Value = nodeId } },
                },
                new NpgsqlBatchCommand(
                    """
                    SELECT g.grain_key FROM grain_state g JOIN user_traffic t ON t.user_id = g.grain_key
                    WHERE g.grain_type = 'user' AND g.grain_key = ANY($1)
                      AND (g.state->>'status' = 'on_hold'
                           OR (g.state->>'status' = 'active' AND g.state ? 'traffic_limit_bytes'
                               AND ((t.upload_bytes + t.download_bytes) >= (g.state->>'traffic_limit_bytes')::bigint
                                    OR ((t.upload_bytes + t.download_bytes) * 10 >= (g.state->>'traffic_limit_bytes')::bigint * 8
                                        AND NOT coalesce(g.state->'usage_warnings_sent', '[]'::jsonb) @> '[80]'::jsonb))))
                    """)
                {
                    Parameters = { new() { Value = ids } },
                },
            },
        };
        var toReview = new List<string>();
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.NextResultAsync();
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            toReview.Add(reader.GetString(0));
        }
        return toReview;
    }
}

internal sealed record AccountingResult(long UploadBytes, long DownloadBytes, IReadOnlyList<string> UsersToReview, bool CounterWentDown);
