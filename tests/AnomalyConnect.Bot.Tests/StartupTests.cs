using System.Diagnostics;
using AnomalyConnect.Bot.Tests.Support;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Bot.Tests;

[Collection(SiloCollection.Name)]
public sealed class StartupTests
{
    [Fact]
    public async Task Start_WithUnusableBotSettings_StopsWithASentenceNamingEachAndNeverTheToken()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var telegram = FakeTelegramServer.Start();
        var environment = BotSilo.Environment(database, telegram);
        environment["TRIAL_DAYS"] = "many";
        environment["BOT_WEBHOOK_URL"] = "http://vpn.example.com/webhooks/telegram";

        var (exitCode, output) = await RunUntilExitAsync(environment);

        Assert.Equal(2, exitCode);
        Assert.Contains("TRIAL_DAYS must be a whole number from 0 to 365", output, StringComparison.Ordinal);
        Assert.Contains("BOT_WEBHOOK_URL must use https://", output, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.Token[(telegram.Token.IndexOf(':', StringComparison.Ordinal) + 1)..], output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SiloLauncher.AssemblyPath)!,
        };
        startInfo.ArgumentList.Add(SiloLauncher.AssemblyPath);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add($"http://127.0.0.1:{FreePort.Next()}");
        foreach (var (key, value) in environment)
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
