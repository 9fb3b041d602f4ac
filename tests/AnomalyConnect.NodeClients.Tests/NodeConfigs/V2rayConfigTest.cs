using System.Diagnostics;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>Debian's <c>v2ray -test -config F</c>: does the real core accept a config file.</summary>
internal static class V2rayConfigTest
{
    public const string Executable = "/usr/bin/v2ray";

    /// <returns>Whether v2ray accepted the file, and everything it printed.</returns>
    public static async Task<(bool Accepted, string Output)> RunAsync(string configPath)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configPath)!,
        };
        startInfo.ArgumentList.Add("-test");
        startInfo.ArgumentList.Add("-config");
        startInfo.ArgumentList.Add(configPath);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        return (process.ExitCode == 0 && output.Contains("Configuration OK", StringComparison.Ordinal), output);
    }
}
