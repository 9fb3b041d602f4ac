using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Silo.Tests.Hosting;

public sealed class SiloStartupTests
{
    [Fact]
    public async Task Start_WithCompleteSettings_MigratesAndAnswersHealthAndReadiness()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var silo = await SiloProcess.StartAsync(database);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        var health = await http.GetAsync("/healthz");
        var ready = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", (await ready.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["status"]);
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations") >= 2);
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'grain-timer-sweep'"));
    }

    [Fact]
    public async Task Start_WithoutTheAdminSecret_StopsWithASentenceNamingIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = SiloProcess.Environment(database, "no-secret");
        environment.Remove("API_SECRET_KEY");
        var startInfo = new ProcessStartInfo("dotnet", [SiloProcess.AssemblyPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(SiloProcess.AssemblyPath)!,
        };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }
        startInfo.Environment.Remove("API_SECRET_KEY");

        using var process = Process.Start(startInfo)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("API_SECRET_KEY is not set", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(SiloProcess.CorporateSecret, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_IsAnsweredWithProblemDetails()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var silo = await SiloProcess.StartAsync(database);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        var response = await http.GetAsync("/no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
