using Npgsql;

namespace AnomalyConnect.Benchmarks.World;

/// <summary>The benchmark's own queries on the silos' database: counts to wait on, and pg_stat_statements.</summary>
public sealed class Database(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public NpgsqlDataSource DataSource => dataSource;

    public string ConnectionString => connectionString;

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<string[]>> RowsAsync(string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        var rows = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Waits, polling every 100 ms, until <paramref name="sql"/> counts zero or <paramref name="within"/> passed; true on zero.</summary>
    public async Task<bool> WaitForZeroAsync(string sql, TimeSpan within, params object[] parameters)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await CountAsync(sql, parameters) == 0)
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    public Task ResetStatementsAsync() => ExecuteAsync("SELECT pg_stat_statements_reset()");

    /// <summary>The statements that took the most database time since the last reset, one line each.</summary>
    public async Task<IReadOnlyList<string>> TopStatementsAsync(int count = 6)
    {
        var rows = await RowsAsync(
            """
            SELECT round(total_exec_time)::bigint, calls, round((total_exec_time / greatest(calls, 1))::numeric, 3), rows,
                   regexp_replace(left(query, 160), '\s+', ' ', 'g')
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT $1
            """, count);
        return [.. rows.Select(r => $"pg: {r[0]} ms total, {r[1]} calls, {r[2]} ms mean, {r[3]} rows — {r[4]}")];
    }

    /// <summary>The statements run at least <paramref name="minimumPerOperation"/> times per operation, most frequent first.</summary>
    public async Task<IReadOnlyList<string>> StatementsPerOperationAsync(int operations, double minimumPerOperation = 0.5)
    {
        var rows = await RowsAsync(
            """
            SELECT round(calls::numeric / $1, 2), round((total_exec_time / greatest(calls, 1))::numeric, 3),
                   regexp_replace(left(query, 120), '\s+', ' ', 'g')
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND calls >= $1 * $2
            ORDER BY calls DESC
            """, operations, minimumPerOperation);
        return [.. rows.Select(r => $"pg per operation: {r[0]} × {r[1]} ms — {r[2]}")];
    }

    /// <summary>Every statement since the last reset, per operation: how many (DISCARD ALL, the pool's reset, apart) and their time.</summary>
    public async Task<string> StatementTotalsAsync(int operations)
    {
        var rows = await RowsAsync(
            """
            SELECT coalesce(sum(calls) FILTER (WHERE query <> 'DISCARD ALL'), 0), coalesce(sum(calls) FILTER (WHERE query = 'DISCARD ALL'), 0),
                   coalesce(round(sum(total_exec_time)), 0)::bigint
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            """);
        var statements = long.Parse(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
        var resets = long.Parse(rows[0][1], System.Globalization.CultureInfo.InvariantCulture);
        var milliseconds = long.Parse(rows[0][2], System.Globalization.CultureInfo.InvariantCulture);
        return $"pg: {statements} statements = {(double)statements / operations:0.0} per operation, plus {(double)resets / operations:0.0} DISCARD ALL; "
            + $"{milliseconds} ms executing = {(double)milliseconds / operations:0.000} ms per operation";
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
