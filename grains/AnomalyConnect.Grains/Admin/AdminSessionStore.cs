using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AnomalyConnect.Contracts.Admin;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Admin;

/// <summary>Admin sessions in <c>admin_sessions</c>, keyed by the SHA-256 of the browser's token (the token itself is never stored).</summary>
internal sealed class AdminSessionStore(NpgsqlDataSource dataSource, TimeProvider clock) : IAdminSessions
{
    private const int TokenBytes = 32;
    private const int MaxUserAgentLength = 300;

    public async Task<OpenedAdminSession> OpenAsync(string login, string? address, string? userAgent, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow();
        var session = new AdminSession(AdminAccountStore.Normalize(login), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes)), now, now + lifetime);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM admin_sessions WHERE expires_at <= $1")
        {
            Parameters = { new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            INSERT INTO admin_sessions (token_hash, login, csrf_token, created_at, expires_at, address, user_agent)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """)
        {
            Parameters =
            {
                new() { Value = HashOf(token) },
                new() { Value = session.Login },
                new() { Value = session.CsrfToken },
                new() { Value = session.CreatedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = session.ExpiresAt, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = (object?)address ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)Truncate(userAgent) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return new OpenedAdminSession(token, session);
    }

    public async Task<AdminSession?> FindAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT login, csrf_token, created_at, expires_at FROM admin_sessions WHERE token_hash = $1 AND expires_at > $2");
        command.Parameters.Add(new() { Value = HashOf(token) });
        command.Parameters.Add(new() { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AdminSession(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    public async Task CloseAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM admin_sessions WHERE token_hash = $1");
        command.Parameters.Add(new() { Value = HashOf(token) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CloseAllAsync(string login, string? keepToken, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM admin_sessions WHERE login = $1 AND token_hash <> $2");
        command.Parameters.Add(new() { Value = AdminAccountStore.Normalize(login) });
        command.Parameters.Add(new() { Value = keepToken is null ? Array.Empty<byte>() : HashOf(keepToken) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string? Truncate(string? text) => text is { Length: > MaxUserAgentLength } ? text[..MaxUserAgentLength] : text;
}
