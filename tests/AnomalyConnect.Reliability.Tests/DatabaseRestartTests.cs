using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Reliability.Tests;

/// <summary>PostgreSQL goes away mid-load and comes back: clean 503s meanwhile, no restart needed, nothing lost.</summary>
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task PostgresRestart_MidLoad_AnswersOnly201Or503_AndRecoversWithoutARestart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await postgres.CreateDatabaseAsync("anomaly");
        await using var silo = await HostProcess.StartAsync(SiloProcess.AssemblyPath, SiloProcess.Environment(postgres.ConnectionString("anomaly"), "silo-r"));
        using var admin = new AdminClient(silo.BaseAddress);
        using var probe = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

        var statuses = new ConcurrentBag<HttpStatusCode>();
        var created = new ConcurrentBag<string>();
        var badBodies = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // the load stops itself at the latest here
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await admin.Http.PostAsJsonAsync("/admin/api/users", new { days = 7 }, AdminClient.Json, stop.Token);
                    statuses.Add(response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        created.Add((await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(stop.Token))!["user_id"].ToString()!);
                    }
                    else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        badBodies.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType}");
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                await Task.Delay(20);
            }
        })));

        await Task.Delay(TimeSpan.FromSeconds(2));
        postgres.Stop();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var readyWhileDown = await probe.GetAsync("/readyz");
        var healthWhileDown = await probe.GetAsync("/healthz");
        await postgres.StartAgainAsync();
        var recovered = await Eventually.TrueAsync(async () =>
            (await admin.Http.PostAsJsonAsync("/admin/api/users", new { days = 1 }, AdminClient.Json)).StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await load;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthWhileDown.StatusCode);
        Assert.True(recovered, "requests did not succeed again after PostgreSQL came back");
        Assert.False(silo.HasExited, "the silo exited");
        Assert.Empty(badBodies);
        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/readyz")).StatusCode);
        foreach (var userId in created)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"/admin/api/users/{userId}")).StatusCode);
        }
    }
}
