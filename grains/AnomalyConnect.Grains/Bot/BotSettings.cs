using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Bot;

/// <summary>Generated-once values in <c>bot_settings</c>; the first process to store a value wins and the others read it.</summary>
internal sealed class BotSettings(NpgsqlDataSource dataSource, TimeProvider clock) : IBotSettings
{
    public Task<string> GetOrAddAsync(string name, string valueIfAbsent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(valueIfAbsent);
        return StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                """
                WITH added AS (
                    INSERT INTO bot_settings (name, value, created_at) VALUES ($1, $2, $3)
                    ON CONFLICT (name) DO NOTHING
                    RETURNING value
                )
                SELECT value FROM added UNION ALL SELECT value FROM bot_settings WHERE name = $1
                LIMIT 1
                """);
            command.Parameters.Add(new() { Value = name });
            command.Parameters.Add(new() { Value = valueIfAbsent });
            command.Parameters.Add(new() { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            // Null only when another process inserted the name after this statement's snapshot: read it again.
            return await command.ExecuteScalarAsync(cancellationToken) as string ?? await ReadAsync(name, cancellationToken);
        });
    }

    private async Task<string> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT value FROM bot_settings WHERE name = $1");
        command.Parameters.Add(new() { Value = name });
        return await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new InvalidOperationException($"The bot setting '{name}' vanished while it was being read.");
    }
}
