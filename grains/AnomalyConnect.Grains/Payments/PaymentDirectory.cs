using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Payments;

/// <summary>Finds payments by a provider's id and lists them, reading committed state only.</summary>
internal sealed class PaymentDirectory(GrainIndex index, NpgsqlDataSource dataSource) : IPaymentDirectory
{
    public Task<string?> FindByProviderPaymentIdAsync(PaymentProvider provider, string providerPaymentId, CancellationToken cancellationToken) =>
        index.FindKeyAsync(PaymentIndexes.GrainType, PaymentIndexes.ProviderIndex(provider), providerPaymentId, cancellationToken);

    public Task<IReadOnlyList<PaymentView>> ListAsync(string? userId, PaymentStatus? status, int page, int pageSize, CancellationToken cancellationToken) =>
        StateStore.GuardAsync<IReadOnlyList<PaymentView>>(async () =>
        {
            pageSize = Math.Clamp(pageSize, 1, 500);
            page = Math.Max(1, page);
            await using var command = dataSource.CreateCommand(
                """
                SELECT grain_key, state::text FROM grain_state
                WHERE grain_type = 'payment' AND state IS NOT NULL
                  AND ($1::text IS NULL OR state->>'user_id' = $1) AND ($2::text IS NULL OR state->>'status' = $2)
                ORDER BY state->>'created_at' DESC, grain_key LIMIT $3 OFFSET $4
                """);
            command.Parameters.Add(new() { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = status is { } s ? GrainJson.Serialize(s).Trim('"') : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = pageSize });
            command.Parameters.Add(new() { Value = (page - 1) * pageSize });
            var payments = new List<PaymentView>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                payments.Add(PaymentViews.Of(reader.GetString(0), GrainJson.Deserialize<PaymentState>(reader.GetString(1))));
            }
            return payments;
        });

    public Task<RevenueReport> RevenueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            var monthStart = RevenueMath.MonthStart(now);
            await using var command = dataSource.CreateCommand(
                """
                SELECT state->>'provider', state->>'tariff_id', state->>'currency', (state->>'amount')::numeric,
                       coalesce((state->>'refunded_amount')::numeric, 0),
                       (state->>'paid_at')::timestamptz, (state->>'refunded_at')::timestamptz
                FROM grain_state
                WHERE grain_type = 'payment' AND state->>'paid_at' IS NOT NULL
                  AND ((state->>'paid_at')::timestamptz >= $1 OR (state->>'refunded_at')::timestamptz >= $1)
                """);
            command.Parameters.Add(new() { Value = monthStart, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            var rows = new List<RevenueRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new RevenueRow(
                    GrainJson.Deserialize<PaymentProvider>($"\"{reader.GetString(0)}\""),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetDecimal(3),
                    reader.GetDecimal(4),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
            }
            return RevenueMath.Report(rows, now);
        });
}
