using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Subscriptions.Tests.Support;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.Subscriptions.Tests;

/// <summary>The link a subscription hands out works: a real v2ray node, pushed the user by the silo, carries a page.</summary>
public sealed class V2rayNodeSubscriptionTests
{
    [Fact]
    public async Task VlessLinkFromTheSubscription_OfAUserOnARealV2rayNode_CarriesAPageThroughTheNode()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await V2rayServerNode.StartAsync();
        await using var site = LoopbackHttpServer.Start();
        await using var silo = await SiloProcess.StartAsync(database, "v2ray-subscriptions",
            new Dictionary<string, string> { ["NODE_POLL_INTERVAL_SECONDS"] = "1" });
        using var admin = new AdminApi(silo.BaseAddress);
        using var subscriptions = new SubscriptionClient(silo.BaseAddress);
        await admin.RegisterNodeAsync(new
        {
            id = "node-v2ray-1", name = "Loopback", region = "local", address = "127.0.0.1", capacity = 10,
            xray = new { api_url = node.ApiUrl.ToString(), flavor = "v2ray", inbound_tag = node.InboundTag, port = node.VlessPort, security = "none" },
        });
        var user = await admin.CreateUserAsync(new { days = 30 });

        var link = Assert.IsType<VlessRealityLink>(Assert.Single(await subscriptions.FetchLinksAsync(user.Token)));
        Assert.True(VlessRealityLink.TryParse(link.ToUri(), out var parsed));
        Assert.Equal(("127.0.0.1", node.VlessPort, VlessSecurity.None, ""), (parsed.Host, parsed.Port, parsed.Security, parsed.Flow));
        await using var client = await V2rayVlessClient.StartAsync(parsed.Port, parsed.Uuid);
        using var http = client.CreateHttpClient(TimeSpan.FromSeconds(5));

        var carried = await AnomalyConnect.Testing.Eventually.TrueAsync(async () =>
        {
            try
            {
                var page = await http.GetByteArrayAsync(site.PageUrl(4096));
                return page.Length == 4096;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false; // not pushed to the node yet
            }
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));

        Assert.True(carried, $"no page through the node within 30 s.\nnode:\n{node.Output}\nclient:\n{client.Output}\nsilo:\n{silo.Output}");
        // The site counts a page once it has closed the response, a moment after the client has it all.
        Assert.True(await AnomalyConnect.Testing.Eventually.TrueAsync(() => Task.FromResult(site.PagesServed >= 1), TimeSpan.FromSeconds(5)));
    }
}
