using System.Text.Json;
using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using Npgsql;

namespace AnomalyConnect.Grains.Admin;

/// <summary>
/// Applies one bulk job change to one user, exactly once although delivery is at least once: the user's own turn
/// writes an audit entry carrying the job's reference together with the change, so a redelivery that finds that
/// entry knows the change is done. An advisory lock per (job, user) keeps two deliveries of one entry (a lease that
/// ran out while the first was still working) from both getting past that check.
/// </summary>
internal sealed class BulkApplyHandler(IGrainFactory grains, NpgsqlDataSource dataSource) : IOutboxHandler
{
    public string Kind => BulkApply.OutboxKind;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var item = message.Read<BulkApply>();
        var reference = BulkApply.ReferenceOf(item.JobId);
        BulkItemOutcome outcome;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var gate = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
            {
                gate.Parameters.Add(new() { Value = BulkApply.PartitionOf(item.JobId, item.UserId) });
                await gate.ExecuteNonQueryAsync(cancellationToken);
            }
            outcome = await AlreadyAppliedAsync(connection, transaction, item.UserId, reference, cancellationToken)
                ? BulkItemOutcome.Changed
                : Outcome(await grains.GetGrain<IUserGrain>(item.UserId).ApplyAsync(item.Action.ToUserAction(), item.Actor with { Reference = reference }));
            await transaction.CommitAsync(cancellationToken);
        }
        if (await grains.GetGrain<IBulkJobGrain>(item.JobId).RecordResultAsync(item.UserId, outcome))
        {
            AnomalyMetrics.BulkItems.Add(1,
                new KeyValuePair<string, object?>("action", JsonNamingPolicy.SnakeCaseLower.ConvertName(item.Action.Kind.ToString())),
                new KeyValuePair<string, object?>("outcome", JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString())));
        }
    }

    private static BulkItemOutcome Outcome(UserResult result) => result.Outcome switch
    {
        UserOutcome.Done => BulkItemOutcome.Changed,
        UserOutcome.Unchanged => BulkItemOutcome.Unchanged,
        UserOutcome.NotFound => BulkItemOutcome.Skipped,
        _ => BulkItemOutcome.Failed,
    };

    private static async Task<bool> AlreadyAppliedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, string reference, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM audit_log WHERE subject_type = 'user' AND subject_id = $1 AND actor_reference = $2)",
            connection, transaction);
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = reference });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
