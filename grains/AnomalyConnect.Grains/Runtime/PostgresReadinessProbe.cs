using AnomalyConnect.Contracts.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>Ready when PostgreSQL answers <c>SELECT 1</c>.</summary>
internal sealed class PostgresReadinessProbe(NpgsqlDataSource dataSource) : IReadinessProbe
{
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
