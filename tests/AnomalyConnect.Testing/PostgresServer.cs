using System.Diagnostics;
using Npgsql;

namespace AnomalyConnect.Testing;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temp directory, 127.0.0.1, a free port) that the test can
/// stop and start again, for fault tests. Runs as the 'postgres' user when the tests run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string dataDirectory;
    private readonly string extraOptions;

    private PostgresServer(string dataDirectory, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.dataDirectory = dataDirectory;
        Port = port;
        extraOptions = string.Concat((settings ?? new Dictionary<string, string>()).Select(s => $" -c {s.Key}={s.Value}"));
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 5 }.ConnectionString;

    /// <summary>Starts a fresh server; <paramref name="settings"/> are extra <c>-c name=value</c> options (e.g. shared_preload_libraries).</summary>
    public static async Task<PostgresServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ac-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        Run("chmod", "755", directory);
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        if (Environment.UserName == "root")
        {
            Run("chown", "-R", "postgres:postgres", directory);
        }
        Run("chmod", "700", data);
        AsPostgres(Path.Combine(BinDirectory, "initdb"), "-D", data, "-U", "postgres", "--auth=trust");
        var server = new PostgresServer(data, FreePort.Next(), settings);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        AsPostgres(Path.Combine(BinDirectory, "pg_ctl"), "-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c max_connections=200 -c fsync=off{extraOptions}", "start");
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
    }

    /// <summary>Stops the server at once (fast shutdown: connections are cut).</summary>
    public void Stop() => AsPostgres(Path.Combine(BinDirectory, "pg_ctl"), "-D", dataDirectory, "-m", "fast", "-w", "stop");

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static void AsPostgres(string executable, params string[] arguments)
    {
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", executable, .. arguments]);
        }
        else
        {
            Run(executable, arguments);
        }
    }

    private static void Run(string executable, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        if (!process.WaitForExit(90_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed: {output}");
        }
    }
}
