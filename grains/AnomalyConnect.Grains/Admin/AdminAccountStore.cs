using System.Text.RegularExpressions;
using AnomalyConnect.Contracts.Admin;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Admin;

/// <summary>Admin accounts in <c>admin_accounts</c>. A login check locks the account's row, so failures are counted exactly.</summary>
internal sealed partial class AdminAccountStore(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AdminAccountStore> logger) : IAdminAccounts
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);

    private volatile bool anyAccount;

    public async Task<bool> EnsureFirstAccountAsync(string login, string password, CancellationToken cancellationToken)
    {
        if (anyAccount)
        {
            return false;
        }
        await using (var exists = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM admin_accounts)"))
        {
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                anyAccount = true;
                return false;
            }
        }
        var now = clock.GetUtcNow();
        await using var insert = dataSource.CreateCommand(
            """
            INSERT INTO admin_accounts (login, password_hash, created_at, password_changed_at)
            SELECT $1, $2, $3, $3 WHERE NOT EXISTS (SELECT 1 FROM admin_accounts)
            ON CONFLICT (login) DO NOTHING
            """);
        insert.Parameters.Add(new() { Value = Normalize(login) });
        insert.Parameters.Add(new() { Value = PasswordHashing.Hash(password) });
        insert.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var created = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        anyAccount = true;
        if (created)
        {
            LogFirstAccountCreated(logger, Normalize(login));
        }
        return created;
    }

    public async Task<AdminLoginResult> VerifyAsync(string login, string password, string? totpCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await LockAsync(connection, transaction, Normalize(login), cancellationToken);
        if (account is null)
        {
            PasswordHashing.SpendTime(password);
            return new AdminLoginResult(AdminLoginOutcome.WrongCredentials);
        }
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            PasswordHashing.SpendTime(password);
            return new AdminLoginResult(AdminLoginOutcome.Locked, lockedUntil);
        }
        if (!PasswordHashing.Verify(password, account.PasswordHash))
        {
            var result = await CountFailureAsync(connection, transaction, account, now, AdminLoginOutcome.WrongCredentials, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        long? step = null;
        if (account.TotpSecret is { } secret)
        {
            step = Totp.Match(Base32.Decode(secret), totpCode, now, account.TotpLastStep);
            if (step is null)
            {
                var result = await CountFailureAsync(connection, transaction, account, now, AdminLoginOutcome.WrongCode, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
        }
        await ExecuteAsync(connection, transaction,
            """
            UPDATE admin_accounts SET failed_logins = 0, locked_until = NULL, last_login_at = $2,
                totp_last_step = coalesce($3, totp_last_step)
            WHERE login = $1
            """,
            cancellationToken, account.Login, now, step);
        await transaction.CommitAsync(cancellationToken);
        return new AdminLoginResult(AdminLoginOutcome.Succeeded);
    }

    public async Task<IReadOnlyList<AdminAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT login, totp_secret IS NOT NULL, created_at, password_changed_at, last_login_at FROM admin_accounts ORDER BY login");
        var accounts = new List<AdminAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(new AdminAccount(
                reader.GetString(0), reader.GetBoolean(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return accounts;
    }

    public async Task<string?> CreateAsync(string login, string password, CancellationToken cancellationToken)
    {
        var normalized = Normalize(login);
        if (!LoginPattern().IsMatch(normalized))
        {
            return "The login must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.";
        }
        if (PasswordHashing.Check(password) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow();
        await using var insert = dataSource.CreateCommand(
            "INSERT INTO admin_accounts (login, password_hash, created_at, password_changed_at) VALUES ($1, $2, $3, $3) ON CONFLICT (login) DO NOTHING");
        insert.Parameters.Add(new() { Value = normalized });
        insert.Parameters.Add(new() { Value = PasswordHashing.Hash(password) });
        insert.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1 ? null : $"An account '{normalized}' already exists.";
    }

    public async Task<string?> ChangePasswordAsync(string login, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        if (PasswordHashing.Check(newPassword) is { } problem)
        {
            return problem;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await LockAsync(connection, transaction, Normalize(login), cancellationToken);
        if (account is null || !PasswordHashing.Verify(currentPassword, account.PasswordHash))
        {
            return "The current password is wrong.";
        }
        await ExecuteAsync(connection, transaction, "UPDATE admin_accounts SET password_hash = $2, password_changed_at = $3 WHERE login = $1",
            cancellationToken, account.Login, PasswordHashing.Hash(newPassword), clock.GetUtcNow());
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<TotpEnrollment> StartTotpAsync(string login, string issuer, CancellationToken cancellationToken)
    {
        var secret = Base32.Encode(Totp.NewSecret());
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "UPDATE admin_accounts SET totp_pending_secret = $2 WHERE login = $1", cancellationToken, Normalize(login), secret);
        return new TotpEnrollment(secret, Totp.OtpAuthUri(issuer, Normalize(login), secret));
    }

    public async Task<bool> ConfirmTotpAsync(string login, string code, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await LockAsync(connection, transaction, Normalize(login), cancellationToken);
        if (account?.TotpPendingSecret is not { } pending
            || Totp.Match(Base32.Decode(pending), code, clock.GetUtcNow(), null) is not { } step)
        {
            return false;
        }
        await ExecuteAsync(connection, transaction,
            "UPDATE admin_accounts SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $2 WHERE login = $1",
            cancellationToken, account.Login, step);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DisableTotpAsync(string login, string code, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await LockAsync(connection, transaction, Normalize(login), cancellationToken);
        if (account?.TotpSecret is not { } secret || Totp.Match(Base32.Decode(secret), code, clock.GetUtcNow(), account.TotpLastStep) is null)
        {
            return false;
        }
        await ExecuteAsync(connection, transaction,
            "UPDATE admin_accounts SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL WHERE login = $1",
            cancellationToken, account.Login);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Logins are case-insensitive: stored and compared in lower case.</summary>
    public static string Normalize(string login) => login.Trim().ToLowerInvariant();

    private async Task<AdminLoginResult> CountFailureAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, LockedAccount account, DateTimeOffset now, AdminLoginOutcome outcome, CancellationToken cancellationToken)
    {
        var failures = account.FailedLogins + 1;
        DateTimeOffset? lockedUntil = failures >= MaxFailures ? now + LockDuration : null;
        await ExecuteAsync(connection, transaction, "UPDATE admin_accounts SET failed_logins = $2, locked_until = $3 WHERE login = $1",
            cancellationToken, account.Login, lockedUntil is null ? failures : 0, lockedUntil);
        if (lockedUntil is not null)
        {
            LogLocked(logger, account.Login, MaxFailures);
        }
        return new AdminLoginResult(outcome);
    }

    private static async Task<LockedAccount?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string login, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT login, password_hash, totp_secret, totp_pending_secret, totp_last_step, failed_logins, locked_until
            FROM admin_accounts WHERE login = $1 FOR UPDATE
            """, connection, transaction);
        command.Parameters.Add(new() { Value = login });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new LockedAccount(
            reader.GetString(0), reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4),
            reader.GetInt32(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value },
                DateTimeOffset time => new NpgsqlParameter { Value = time, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                _ => new NpgsqlParameter { Value = value },
            });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex LoginPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin account {Login}; its password is API_SECRET_KEY until changed in the admin UI")]
    private static partial void LogFirstAccountCreated(ILogger logger, string login);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin account {Login} locked for a while after {Failures} failed logins in a row")]
    private static partial void LogLocked(ILogger logger, string login, int failures);

    private sealed record LockedAccount(
        string Login, string PasswordHash, string? TotpSecret, string? TotpPendingSecret, long? TotpLastStep, int FailedLogins, DateTimeOffset? LockedUntil);
}
