using System.Diagnostics;
using Npgsql;

namespace AnomalyConnect.Testing;

/// <summary>Starts the real silo executable (the same build the tests run in) against a test database with complete, known settings.</summary>
public static class SiloProcess
{
    public const string AdminToken = "test-admin-token-0123456789";
    public const string CorporateSecret = "test-corporate-secret-0123456789";
    public const string WebhookSecret = "test-webhook-secret-0123456789";

    public static string AssemblyPath => BuiltAssemblies.Find("silo/AnomalyConnect.Silo", "AnomalyConnect.Silo");

    public static Dictionary<string, string> Environment(TestDatabase database, string siloName) =>
        Environment(database.ConnectionString, siloName);

    public static Dictionary<string, string> Environment(string connectionString, string siloName)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        return new Dictionary<string, string>
        {
            ["API_SECRET_KEY"] = AdminToken,
            ["CORPORATE_SECRET"] = CorporateSecret,
            ["WEBHOOK_SECRET"] = WebhookSecret,
            ["DB_HOST"] = connection.Host!,
            ["DB_PORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DB_NAME"] = connection.Database!,
            ["DB_USER"] = connection.Username!,
            ["SILO_NAME"] = siloName,
        };
    }

    public static Task<HostProcess> StartAsync(TestDatabase database, string siloName = "silo-1", IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = Environment(database, siloName);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return HostProcess.StartAsync(AssemblyPath, environment);
    }

    /// <summary>
    /// Runs a silo that is expected to stop on its own, and returns its exit code and everything it printed
    /// (read to the end, which <see cref="HostProcess"/> does not wait for when a start fails).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(TestDatabase database, string siloName, IReadOnlyDictionary<string, string> overrides)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add($"http://127.0.0.1:{FreePort.Next()}");
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in Environment(database, siloName).Concat(overrides))
        {
            startInfo.Environment[key] = value;
        }
        using var process = Process.Start(startInfo)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
