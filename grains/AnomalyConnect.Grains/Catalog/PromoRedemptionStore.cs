using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Catalog;

/// <summary>Who took a promo code's uses; read and written only inside the code's own turns, which hold its row lock.</summary>
internal static class PromoRedemptionStore
{
    /// <summary>Whether the redemption exists and is still held; null when it never existed.</summary>
    public static async Task<(string UserId, bool Active)?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string code, string redemptionId)
    {
        await using var command = new NpgsqlCommand(
            "SELECT user_id, released_at IS NULL FROM promo_redemptions WHERE code = $1 AND redemption_id = $2", connection, transaction);
        command.Parameters.Add(new() { Value = code });
        command.Parameters.Add(new() { Value = redemptionId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetBoolean(1)) : null;
    }

    public static async Task<bool> UserHoldsUseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string code, string userId)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM promo_redemptions WHERE code = $1 AND user_id = $2 AND released_at IS NULL)", connection, transaction);
        command.Parameters.Add(new() { Value = code });
        command.Parameters.Add(new() { Value = userId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Records the use, or takes back a released one with the same id.</summary>
    public static async Task TakeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string code, string redemptionId, string userId, DateTimeOffset at)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO promo_redemptions (code, redemption_id, user_id, redeemed_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (code, redemption_id) DO UPDATE SET user_id = EXCLUDED.user_id, redeemed_at = EXCLUDED.redeemed_at, released_at = NULL
            """,
            connection, transaction);
        command.Parameters.Add(new() { Value = code });
        command.Parameters.Add(new() { Value = redemptionId });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>True when a held use was given back now.</summary>
    public static async Task<bool> ReleaseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string code, string redemptionId, DateTimeOffset at)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE promo_redemptions SET released_at = $3 WHERE code = $1 AND redemption_id = $2 AND released_at IS NULL",
            connection, transaction);
        command.Parameters.Add(new() { Value = code });
        command.Parameters.Add(new() { Value = redemptionId });
        command.Parameters.Add(new() { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync() == 1;
    }
}
