using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Bot;

/// <summary>
/// The inbox: an update of a chat is admitted by that chat's grain (recorded and queued in one turn); an update that
/// belongs to no chat (a kind the bot does not answer) is only recorded, as already processed, so that it is still
/// deduplicated and never retried.
/// </summary>
internal sealed class TelegramInbox(IGrainFactory grains, NpgsqlDataSource dataSource, TimeProvider clock) : ITelegramInbox
{
    public async Task<InboxAdmission> AdmitAsync(string updateJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updateJson);
        if (TelegramUpdateRouting.Route(updateJson) is not { } route)
        {
            return InboxAdmission.Unreadable;
        }
        if (route is { ChatId: { } chatId, Partition: { } partition })
        {
            var admitted = await grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(chatId))
                .AdmitUpdateAsync(new TelegramUpdateAdmission(route.UpdateId, partition, route.LanguageCode, updateJson));
            return admitted ? InboxAdmission.Admitted : InboxAdmission.Duplicate;
        }
        return await StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                """
                INSERT INTO telegram_updates (update_id, chat_id, payload, received_at, processed_at) VALUES ($1, NULL, $2, $3, $3)
                ON CONFLICT (update_id) DO NOTHING
                """);
            command.Parameters.Add(new() { Value = route.UpdateId });
            command.Parameters.Add(new() { Value = updateJson });
            command.Parameters.Add(new() { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? InboxAdmission.NoChat : InboxAdmission.Duplicate;
        });
    }

    public Task<bool> IsProcessedAsync(long updateId, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand("SELECT processed_at IS NOT NULL FROM telegram_updates WHERE update_id = $1");
            command.Parameters.Add(new() { Value = updateId });
            return await command.ExecuteScalarAsync(cancellationToken) is true;
        });

    public Task MarkProcessedAsync(long updateId, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "UPDATE telegram_updates SET processed_at = $2 WHERE update_id = $1 AND processed_at IS NULL");
            command.Parameters.Add(new() { Value = updateId });
            command.Parameters.Add(new() { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "DELETE FROM telegram_updates WHERE processed_at IS NOT NULL AND received_at < $1");
            command.Parameters.Add(new() { Value = before, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });
}
