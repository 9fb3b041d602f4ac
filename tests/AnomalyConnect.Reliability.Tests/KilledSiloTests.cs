using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AnomalyConnect.Integrations.Xray;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.Reliability.Tests;

/// <summary>
/// Two silos under a load of grants and real traffic; one is killed with SIGKILL midway. Nothing answered 2xx is
/// lost, traffic equals the node's own counters exactly (nothing lost, nothing twice), and the dead silo's timers
/// (node polls, user expiries) run on the survivor.
/// </summary>
public sealed class KilledSiloTests
{
    private static readonly Dictionary<string, string> FastCluster = new()
    {
        ["NODE_POLL_INTERVAL_SECONDS"] = "1",
        ["NODE_PROBE_TIMEOUT_SECONDS"] = "2",
        ["GrainRuntime__OutboxLease"] = "00:00:05",
        ["GrainRuntime__ClusterCheckinInterval"] = "00:00:02",
        ["GrainRuntime__ClusterCheckinMisfireThreshold"] = "00:00:04",
    };

    [Fact]
    public async Task KillingOneOfTwoSilosUnderLoad_LosesNothingAndCountsTrafficExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var doomed = await SiloProcess.StartAsync(database, "doomed", FastCluster);
        await using var survivor = await SiloProcess.StartAsync(database, "survivor", FastCluster);
        await using var node = await V2rayServerNode.StartAsync();
        await using var web = LoopbackHttpServer.Start();
        using var toDoomed = new AdminClient(doomed.BaseAddress);
        using var toSurvivor = new AdminClient(survivor.BaseAddress);
        await toSurvivor.PostAsync("/admin/api/nodes", new
        {
            id = "node-a", name = "node-a", region = "eu", address = "127.0.0.1", capacity = 1000,
            xray = new { api_url = node.ApiUrl.ToString(), flavor = "v2ray", inbound_tag = node.InboundTag, port = node.VlessPort, security = "none" },
        });

        // Users whose traffic is generated throughout, and users whose term ends after the kill.
        var riders = new List<(string UserId, string Uuid)>();
        for (var i = 0; i < 3; i++)
        {
            var user = await toSurvivor.PostAsync("/admin/api/users", new { days = 30 });
            var userId = user["user_id"]!.GetValue<string>();
            riders.Add((userId, await database.ScalarAsync<string>("SELECT state->>'vless_uuid' FROM grain_state WHERE grain_key = $1", userId)));
        }
        var expiring = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            // Through the doomed silo; the terms end 8 s from now, after it is gone.
            var user = await toDoomed.PostAsync("/admin/api/users", new { days = 30 });
            var userId = user["user_id"]!.GetValue<string>();
            await toDoomed.PostAsync($"/admin/api/users/{userId}/expiry", new { expires_at = DateTimeOffset.UtcNow.AddSeconds(8) });
            expiring.Add(userId);
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var granted = new ConcurrentBag<string>();
        var grants = Task.WhenAll(new[] { toDoomed, toSurvivor }.Select(admin => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await admin.Http.PostAsJsonAsync("/admin/api/users", new { days = 7 }, AdminClient.Json, stop.Token);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        granted.Add((await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(stop.Token))!["user_id"].ToString()!);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
                {
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }
                    await Task.Delay(100); // the silo it talks to is dead
                }
            }
        })));
        var traffic = Task.WhenAll(riders.Select(rider => Task.Run(async () =>
        {
            await using var client = await V2rayVlessClient.StartAsync(node.VlessPort, rider.Uuid);
            using var http = client.CreateHttpClient(TimeSpan.FromSeconds(5));
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await http.GetByteArrayAsync(web.PageUrl(32 * 1024), stop.Token);
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
                {
                    await Task.Delay(200);
                }
            }
        })));

        await Task.Delay(TimeSpan.FromSeconds(5));
        doomed.Kill();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await Task.WhenAll(grants, traffic);

        // Every grant that was answered 2xx exists.
        Assert.NotEmpty(granted);
        foreach (var userId in granted)
        {
            Assert.Equal(HttpStatusCode.OK, (await toSurvivor.Http.GetAsync($"/admin/api/users/{userId}")).StatusCode);
        }

        // The dead silo's timers ran on the survivor: terms ended, and node polls went on.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            foreach (var userId in expiring)
            {
                if ((await toSurvivor.GetAsync($"/admin/api/users/{userId}"))["status"]!.GetValue<string>() != "expired")
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(30)), "users whose term ended after the kill were not expired");

        // Traffic equals the node's own counters, exactly, once the last polls are in.
        using var xrayHttp = new HttpClient(XrayApiClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };
        var xray = new XrayApiClient(xrayHttp);
        var endpoint = new XrayEndpoint(node.ApiUrl, XrayFlavor.V2ray);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var counters = await xray.QueryUserTrafficAsync(endpoint, CancellationToken.None);
            foreach (var (userId, _) in riders)
            {
                var user = await toSurvivor.GetAsync($"/admin/api/users/{userId}");
                var onNode = counters.GetValueOrDefault(userId) ?? new XrayUserTraffic(0, 0);
                if (user["used_upload_bytes"]!.GetValue<long>() != onNode.Uplink || user["used_download_bytes"]!.GetValue<long>() != onNode.Downlink)
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(20)), "a user's usage differs from the node's counters");
        var downloaded = await database.ScalarAsync<long>("SELECT sum(download_bytes) FROM user_traffic");
        Assert.True(downloaded > 0);

        // Outbox entries the dead silo had claimed were delivered by the survivor once their lease ran out.
        Assert.True(await Eventually.TrueAsync(
            async () => await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE kind <> 'node.tick'") == 0,
            TimeSpan.FromSeconds(30)), "outbox entries were left undelivered");
    }
}
