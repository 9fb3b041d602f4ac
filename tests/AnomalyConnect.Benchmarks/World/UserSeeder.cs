using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Users;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Benchmarks.World;

/// <summary>
/// Writes users with binary COPY, row for row as <c>UserGrain.CreateAsync</c> followed by a delivered node sync
/// writes them: the grain state (the real <c>UserState</c> serialized with <c>GrainJson</c>), its secondary keys in
/// grain_index, its expiry timer, user_traffic at zero, the placement, and the node_members row a push records.
/// (The audit row of the creation is left out: nothing reads it on the paths measured here.)
/// </summary>
public static class UserSeeder
{
    public static async Task<IReadOnlyList<SeededUser>> SeedAsync(NpgsqlDataSource dataSource, string nodeId, int count, int days = 30)
    {
        var now = DateTimeOffset.UtcNow;
        var users = new List<(SeededUser User, UserState State)>(count);
        for (var i = 0; i < count; i++)
        {
            var credentials = UserCredentialFactory.Create();
            var state = new UserState
            {
                Status = UserStatus.Active,
                CreatedAt = now,
                ExpiresAt = now.AddDays(days),
                ResetStrategy = TrafficResetStrategy.NoReset,
                VlessUuid = credentials.VlessUuid,
                Hysteria2Auth = credentials.Hysteria2Auth,
                SubscriptionToken = credentials.SubscriptionToken,
                Placements = [new UserPlacement(NodeProtocol.Vless, nodeId)],
            };
            users.Add((new SeededUser(UserIds.New(), credentials.VlessUuid, credentials.SubscriptionToken, nodeId), state));
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await CopyAsync(connection, "COPY grain_state (grain_type, grain_key, version, state, updated_at) FROM STDIN (FORMAT BINARY)", users, async (w, u) =>
        {
            await w.WriteAsync(UserIndexes.GrainType);
            await w.WriteAsync(u.User.UserId);
            await w.WriteAsync(1L);
            await w.WriteAsync(GrainJson.Serialize(u.State), NpgsqlDbType.Jsonb);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        });
        await CopyAsync(connection, "COPY grain_index (grain_type, index_name, index_value, grain_key) FROM STDIN (FORMAT BINARY)",
            users.SelectMany(u => new[] { (u.User.UserId, UserIndexes.SubscriptionToken, u.State.SubscriptionToken), (u.User.UserId, UserIndexes.Hysteria2Auth, u.State.Hysteria2Auth) }),
            async (w, row) =>
            {
                await w.WriteAsync(UserIndexes.GrainType);
                await w.WriteAsync(row.Item2);
                await w.WriteAsync(row.Item3);
                await w.WriteAsync(row.UserId);
            });
        await CopyAsync(connection, "COPY grain_timers (grain_type, grain_key, timer_name, due_at) FROM STDIN (FORMAT BINARY)", users, async (w, u) =>
        {
            await w.WriteAsync(UserIndexes.GrainType);
            await w.WriteAsync(u.User.UserId);
            await w.WriteAsync(UserTimers.Expire);
            await w.WriteAsync(u.State.ExpiresAt!.Value, NpgsqlDbType.TimestampTz);
        });
        await CopyAsync(connection, "COPY user_traffic (user_id, upload_bytes, download_bytes, updated_at) FROM STDIN (FORMAT BINARY)", users, async (w, u) =>
        {
            await w.WriteAsync(u.User.UserId);
            await w.WriteAsync(0L);
            await w.WriteAsync(0L);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        });
        await CopyAsync(connection, "COPY user_placements (user_id, protocol, node_id, active) FROM STDIN (FORMAT BINARY)", users, async (w, u) =>
        {
            await w.WriteAsync(u.User.UserId);
            await w.WriteAsync(ProtocolNames.Vless);
            await w.WriteAsync(nodeId);
            await w.WriteAsync(true);
        });
        await CopyAsync(connection, "COPY node_members (node_id, protocol, user_id, credential) FROM STDIN (FORMAT BINARY)", users, async (w, u) =>
        {
            await w.WriteAsync(nodeId);
            await w.WriteAsync(ProtocolNames.Vless);
            await w.WriteAsync(u.User.UserId);
            await w.WriteAsync(u.State.VlessUuid);
        });
        await transaction.CommitAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        return [.. users.Select(u => u.User)];
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            await write(importer, row);
        }
        await importer.CompleteAsync();
    }
}
