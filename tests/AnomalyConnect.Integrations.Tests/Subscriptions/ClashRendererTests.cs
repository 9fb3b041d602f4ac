using System.Text;
using AnomalyConnect.Integrations.Subscriptions;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;
using static AnomalyConnect.Integrations.Tests.Subscriptions.Support.ClashYaml;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed class ClashRendererTests
{
    private static readonly string[] ShareLinkTypes = ["vless", "hysteria2"];

    [Fact]
    public void Render_WhenClash_ServesYamlWithItsExtension()
    {
        var rendered = SubscriptionRenderer.Render(Samples.Document(), SubscriptionFormat.Clash);

        Assert.Equal("text/yaml; charset=utf-8", rendered.ContentType);
        Assert.Equal("yaml", rendered.FileExtension);
    }

    [Fact]
    public void Render_WhenClash_NamesEveryProxyUniquely()
    {
        var names = Proxies(Render(Samples.Document())).Select(p => p["name"]).ToList();

        Assert.Equal(["🇩🇪 Germany", "🇳🇱 Netherlands <fast>", "🇩🇪 Germany 2"], names);
    }

    [Fact]
    public void Render_WhenRealityProxy_WritesWhatMihomoReads()
    {
        var proxy = Proxies(Render(Samples.Document()))[0];

        Assert.Equal("vless", proxy["type"]);
        Assert.Equal("de1.example.com", proxy["server"]);
        Assert.Equal(443L, proxy["port"]);
        Assert.Equal("b831381d-6324-4d53-ad4f-8cda48b30811", proxy["uuid"]);
        Assert.Equal("tcp", proxy["network"]);
        Assert.Equal(true, proxy["udp"]);
        Assert.Equal(true, proxy["tls"]);
        Assert.Equal("xtls-rprx-vision", proxy["flow"]);
        Assert.Equal("www.microsoft.com", proxy["servername"]);
        Assert.Equal("chrome", proxy["client-fingerprint"]);
        var reality = Map(proxy["reality-opts"]);
        Assert.Equal("SbVKOEMjK0sIlbwg4akyBg5mL5KZwwB-ed4eEE7YnRc", reality["public-key"]);
        Assert.Equal("6ba85179e30d4fc2", reality["short-id"]);
    }

    [Fact]
    public void Render_WhenTlsProxyOnIPv6_WritesNoRealityOptions()
    {
        var proxy = Proxies(Render(Samples.Document()))[2];

        Assert.Equal("2001:db8::7", proxy["server"]);
        Assert.Equal(8443L, proxy["port"]);
        Assert.Equal(true, proxy["tls"]);
        Assert.Equal("tls.example.org", proxy["servername"]);
        Assert.Equal("firefox", proxy["client-fingerprint"]);
        Assert.False(proxy.ContainsKey("reality-opts"));
    }

    [Fact]
    public void Render_WhenHysteria2WithPortRange_WritesPortsPasswordAndObfs()
    {
        var proxy = Proxies(Render(Samples.Document()))[1];

        Assert.Equal("hysteria2", proxy["type"]);
        Assert.Equal("nl1.example.net", proxy["server"]);
        Assert.Equal(20000L, proxy["port"]);
        Assert.Equal("20000-50000", proxy["ports"]);
        Assert.Equal("p@ss:w/rd?#%+ü", proxy["password"]);
        Assert.Equal("nl1.example.net", proxy["sni"]);
        Assert.Equal("salamander", proxy["obfs"]);
        Assert.Equal("obfs pw+/=", proxy["obfs-password"]);
        Assert.Equal(true, proxy["skip-cert-verify"]);
    }

    [Fact]
    public void Render_WhenHysteria2OnOnePortAndVerified_WritesNoPortsNorSkipVerify()
    {
        var link = Samples.Hysteria2() with { Port = "8443", Insecure = false, ObfsPassword = "" };
        var document = Samples.Document() with { Proxies = [new SubscriptionProxy("n", "one", "", link)] };

        var proxy = Proxies(Render(document))[0];

        Assert.Equal(8443L, proxy["port"]);
        Assert.False(proxy.ContainsKey("ports"));
        Assert.False(proxy.ContainsKey("skip-cert-verify"));
        Assert.False(proxy.ContainsKey("obfs"));
    }

    [Fact]
    public void Render_WhenValuesLookLikeNumbersOrBooleans_KeepsThemStrings()
    {
        var vless = Samples.Reality() with { ShortId = "0123", Uuid = "12345" };
        var hysteria2 = Samples.Hysteria2() with { Auth = "true", ObfsPassword = "1e5" };
        var document = Samples.Document() with
        {
            Proxies = [new SubscriptionProxy("a", "443", "", vless), new SubscriptionProxy("b", "null", "", hysteria2)],
        };

        var proxies = Proxies(Render(document));

        Assert.Equal("443", proxies[0]["name"]);
        Assert.Equal("12345", proxies[0]["uuid"]);
        Assert.Equal("0123", Map(proxies[0]["reality-opts"])["short-id"]);
        Assert.Equal("null", proxies[1]["name"]);
        Assert.Equal("true", proxies[1]["password"]);
        Assert.Equal("1e5", proxies[1]["obfs-password"]);
    }

    [Fact]
    public void Render_WhenClash_GroupsTestAllProxiesAndOfferEachByHand()
    {
        var profile = Render(Samples.Document());
        var names = Proxies(profile).Select(p => (string)p["name"]!).ToList();
        var groups = List(profile["proxy-groups"]).Select(Map).ToList();

        var select = groups.Single(g => (string?)g["type"] == "select");
        var urlTest = groups.Single(g => (string?)g["type"] == "url-test");
        Assert.Equal(["Auto", .. names], List(select["proxies"]));
        Assert.Equal(names, List(urlTest["proxies"]).Cast<string>());
        Assert.Equal("http://www.gstatic.com/generate_204", urlTest["url"]);
        Assert.Equal(300L, urlTest["interval"]);
        Assert.Equal(50L, urlTest["tolerance"]);
        Assert.Equal([$"MATCH,{select["name"]}"], List(profile["rules"]));
        AssertReferencesResolve(profile);
    }

    [Fact]
    public void Render_WhenAProxyIsNamedLikeAGroup_RenamesTheProxy()
    {
        var document = Samples.Document() with
        {
            Proxies = [new SubscriptionProxy("a", "Auto", "", Samples.Reality()), new SubscriptionProxy("b", "DIRECT", "", Samples.Tls())],
        };

        var profile = Render(document);

        Assert.Equal(["Auto 2", "DIRECT 2"], Proxies(profile).Select(p => p["name"]));
        AssertReferencesResolve(profile);
    }

    internal static Dictionary<string, object?> Render(SubscriptionDocument document) =>
        Parse(Encoding.UTF8.GetString(SubscriptionRenderer.Render(document, SubscriptionFormat.Clash).Body));

    internal static List<Dictionary<string, object?>> Proxies(Dictionary<string, object?> profile) =>
        List(profile["proxies"]).Select(Map).ToList();

    /// <summary>What mihomo checks on load: unique names, and every group member a proxy, a group or a built-in.</summary>
    internal static void AssertReferencesResolve(Dictionary<string, object?> profile)
    {
        var proxyNames = Proxies(profile).Select(p => Assert.IsType<string>(p["name"])).ToList();
        var groups = List(profile["proxy-groups"]).Select(Map).ToList();
        var groupNames = groups.Select(g => Assert.IsType<string>(g["name"])).ToList();
        var all = proxyNames.Concat(groupNames).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        foreach (var group in groups)
        {
            var members = List(group["proxies"]);
            Assert.NotEmpty(members);
            Assert.All(members, member => Assert.Contains(Assert.IsType<string>(member), all));
        }

        foreach (var rule in List(profile["rules"]).Cast<string>())
            Assert.Contains(rule.Split(',')[^1], groupNames.Append("DIRECT"));
        Assert.All(Proxies(profile), p => Assert.True(ShareLinkTypes.Contains((string)p["type"]!)));
    }
}
