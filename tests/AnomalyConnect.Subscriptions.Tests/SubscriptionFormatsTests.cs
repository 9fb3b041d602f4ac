using System.Net;
using System.Text;
using System.Text.Json;
using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Subscriptions.Tests.Support;

namespace AnomalyConnect.Subscriptions.Tests;

/// <summary>Each format as the app that reads it parses it, against a real silo.</summary>
[Collection(SubscriptionSiloCollection.Name)]
public sealed class SubscriptionFormatsTests(SubscriptionSilo silo)
{
    [Fact]
    public async Task GetSubscription_WhenFormatIsBase64_ListsPlacedNodesFirstThenTheOthersForFailover()
    {
        var user = await silo.CreateUserAsync();
        var (uuid, auth) = await silo.CredentialsAsync(user.UserId);

        var links = await silo.Subscriptions.FetchLinksAsync(user.Token);

        var vlessPlaced = SubscriptionSilo.Node(user.Nodes["vless"]);
        var hysteriaPlaced = SubscriptionSilo.Node(user.Nodes["hysteria2"]);
        var vlessOther = vlessPlaced == SubscriptionSilo.Frankfurt ? SubscriptionSilo.Berlin : SubscriptionSilo.Frankfurt;
        var hysteriaOther = hysteriaPlaced == SubscriptionSilo.Frankfurt ? SubscriptionSilo.Amsterdam : SubscriptionSilo.Frankfurt;
        Assert.Equal(
            [(ProxyProtocol.Vless, vlessPlaced.Address), (ProxyProtocol.Hysteria2, hysteriaPlaced.Address),
             (ProxyProtocol.Vless, vlessOther.Address), (ProxyProtocol.Hysteria2, hysteriaOther.Address)],
            links.Select(l => (l.Protocol, l is VlessRealityLink v ? v.Host : ((Hysteria2Link)l).Host)).ToList());

        var frankfurt = links.OfType<VlessRealityLink>().Single(l => l.Host == SubscriptionSilo.Frankfurt.Address);
        Assert.Equal(uuid, frankfurt.Uuid);
        Assert.Equal(443, frankfurt.Port);
        Assert.Equal(VlessSecurity.Reality, frankfurt.Security);
        Assert.Equal(VlessRealityLink.VisionFlow, frankfurt.Flow);
        Assert.Equal(SubscriptionSilo.Frankfurt.PublicKey, frankfurt.PublicKey);
        Assert.Equal("0123abcd", frankfurt.ShortId);
        Assert.Equal("www.microsoft.com", frankfurt.ServerName);
        Assert.Equal("firefox", frankfurt.Fingerprint);
        Assert.Equal("/", frankfurt.SpiderX);
        Assert.Equal("🇪🇺 eu · Frankfurt 1 · VLESS", frankfurt.Name);

        var amsterdam = links.OfType<Hysteria2Link>().Single(l => l.Host == SubscriptionSilo.Amsterdam.Address);
        Assert.Equal(auth, amsterdam.Auth);
        Assert.Equal("20000-30000", amsterdam.Port);
        Assert.True(amsterdam.Insecure);
        Assert.Equal("", amsterdam.ObfsPassword);
        var frankfurtHysteria = links.OfType<Hysteria2Link>().Single(l => l.Host == SubscriptionSilo.Frankfurt.Address);
        Assert.Equal(("8443", "obfs-pass", false), (frankfurtHysteria.Port, frankfurtHysteria.ObfsPassword, frankfurtHysteria.Insecure));
    }

    [Fact]
    public async Task GetSubscription_WhenFormatIsLinks_ServesTheSameLinksAsPlainText()
    {
        var user = await silo.CreateUserAsync();

        using var plain = await silo.Subscriptions.FetchAsync(user.Token, format: "links");
        using var base64 = await silo.Subscriptions.FetchAsync(user.Token, format: "base64");

        Assert.Equal("text/plain", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            Encoding.UTF8.GetString(Convert.FromBase64String(await base64.Content.ReadAsStringAsync())),
            await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetSubscription_WhenFormatIsClash_ServesAProfileClashReadsWithEveryProxy()
    {
        var user = await silo.CreateUserAsync();
        var (uuid, auth) = await silo.CredentialsAsync(user.UserId);

        using var response = await silo.Subscriptions.FetchAsync(user.Token, format: "clash");
        var profile = ClashYaml.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/yaml", response.Content.Headers.ContentType?.MediaType);
        var proxies = ClashYaml.List(profile["proxies"]).Select(ClashYaml.Map).ToList();
        Assert.Equal(4, proxies.Count);
        var first = proxies[0];
        var placed = SubscriptionSilo.Node(user.Nodes["vless"]);
        Assert.Equal(("vless", placed.Address, uuid, "xtls-rprx-vision", true), (first["type"], first["server"], first["uuid"], first["flow"], first["tls"]));
        Assert.Equal(placed.PublicKey, ClashYaml.Map(first["reality-opts"])["public-key"]);
        var amsterdam = proxies.Single(p => (string?)p["server"] == SubscriptionSilo.Amsterdam.Address);
        Assert.Equal(("hysteria2", auth, 20000L, "20000-30000", true), (amsterdam["type"], amsterdam["password"], amsterdam["port"], amsterdam["ports"], amsterdam["skip-cert-verify"]));
        var names = proxies.Select(p => (string)p["name"]!).ToList();
        var groups = ClashYaml.List(profile["proxy-groups"]).Select(ClashYaml.Map).ToList();
        Assert.All(names, name => Assert.Contains(name, ClashYaml.List(groups.Single(g => (string?)g["type"] == "url-test")["proxies"])));
    }

    [Fact]
    public async Task GetSubscription_WhenFormatIsSingBox_ServesAProfileSingBoxReadsWithEveryOutbound()
    {
        var user = await silo.CreateUserAsync();
        var (uuid, auth) = await silo.CredentialsAsync(user.UserId);

        using var response = await silo.Subscriptions.FetchAsync(user.Token, format: "singbox");
        using var profile = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var outbounds = profile.RootElement.GetProperty("outbounds").EnumerateArray().ToList();
        var vless = outbounds.Where(o => o.GetProperty("type").GetString() == "vless").ToList();
        var hysteria = outbounds.Where(o => o.GetProperty("type").GetString() == "hysteria2").ToList();
        Assert.Equal((2, 2), (vless.Count, hysteria.Count));
        var berlin = vless.Single(o => o.GetProperty("server").GetString() == SubscriptionSilo.Berlin.Address);
        Assert.Equal(8443, berlin.GetProperty("server_port").GetInt32());
        Assert.Equal(uuid, berlin.GetProperty("uuid").GetString());
        Assert.Equal("xtls-rprx-vision", berlin.GetProperty("flow").GetString());
        var reality = berlin.GetProperty("tls").GetProperty("reality");
        Assert.Equal((SubscriptionSilo.Berlin.PublicKey, "cafe"), (reality.GetProperty("public_key").GetString(), reality.GetProperty("short_id").GetString()));
        Assert.Equal("www.apple.com", berlin.GetProperty("tls").GetProperty("server_name").GetString());
        var frankfurt = hysteria.Single(o => o.GetProperty("server").GetString() == SubscriptionSilo.Frankfurt.Address);
        Assert.Equal((auth, 8443, "obfs-pass"), (frankfurt.GetProperty("password").GetString(), frankfurt.GetProperty("server_port").GetInt32(),
            frankfurt.GetProperty("obfs").GetProperty("password").GetString()));
        var selector = outbounds.Single(o => o.GetProperty("type").GetString() == "selector");
        var tags = selector.GetProperty("outbounds").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.All(vless.Concat(hysteria), o => Assert.Contains(o.GetProperty("tag").GetString(), tags));
    }

    [Fact]
    public async Task GetSubscription_WhenFormatIsHtml_ServesAPageWithTheSubscriptionAddressAndQrCodes()
    {
        var user = await silo.CreateUserAsync();

        using var response = await silo.Subscriptions.FetchAsync(user.Token, format: "html");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{SubscriptionSilo.AppUrl}/sub/{user.Token}", user.SubscriptionUrl);
        Assert.Contains(WebUtility.HtmlEncode(user.SubscriptionUrl), page, StringComparison.Ordinal);
        Assert.True(CountOf(page, "src=\"data:image/png;base64,") >= 5, "a QR code for the subscription and one per link");
        Assert.False(response.Content.Headers.Contains("content-disposition"), "a page is shown, not downloaded");
    }

    [Theory]
    [InlineData("ClashMetaForAndroid/2.10.1.Meta", "text/yaml")]
    [InlineData("mihomo/1.18.5", "text/yaml")]
    [InlineData("Stash/2.4.7 Clash/1.9.0", "text/yaml")]
    [InlineData("SFA/1.11.4 (Android 14)", "application/json")]
    [InlineData("sing-box 1.11.0", "application/json")]
    [InlineData("HiddifyNext/2.5.7 (android) like ClashMeta v2ray sing-box", "application/json")]
    [InlineData("v2rayNG/1.9.16", "text/plain")]
    [InlineData("Happ/3.2.1", "text/plain")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0", "text/html")]
    [InlineData("curl/8.5.0", "text/plain")]
    [InlineData(SubscriptionSilo.OperatorAgent + "/1.0", "text/yaml")]
    public async Task GetSubscription_WhenOnlyTheUserAgentNamesTheApp_ServesThatAppsFormat(string userAgent, string mediaType)
    {
        var user = await silo.CreateUserAsync();

        using var response = await silo.Subscriptions.FetchAsync(user.Token, userAgent: userAgent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        if (mediaType == "text/plain")
        {
            Assert.Equal(4, SubscriptionClient.ParseBase64(await response.Content.ReadAsStringAsync()).Count);
        }
    }

    [Fact]
    public async Task GetSubscription_WhenFormatQueryAndUserAgentDisagree_TheQueryWins()
    {
        var user = await silo.CreateUserAsync();

        using var response = await silo.Subscriptions.FetchAsync(user.Token, format: "singbox", userAgent: "ClashMetaForAndroid/2.10.1");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetSubscription_WhenFormatIsUnknown_Returns400ProblemDetailsNamingTheFormats()
    {
        var user = await silo.CreateUserAsync();

        using var response = await silo.Subscriptions.FetchAsync(user.Token, format: "wireguard");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("base64, links, clash, singbox, html", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
