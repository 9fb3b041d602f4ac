using System.Text.Json;
using AnomalyConnect.Integrations.Subscriptions;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed class SingBoxRendererTests
{
    [Fact]
    public void Render_WhenSingBox_ServesJsonWithItsExtension()
    {
        var rendered = SubscriptionRenderer.Render(Samples.Document(), SubscriptionFormat.SingBox);

        Assert.Equal("application/json; charset=utf-8", rendered.ContentType);
        Assert.Equal("json", rendered.FileExtension);
    }

    [Fact]
    public void Render_WhenRealityProxy_WritesWhatSingBoxReads()
    {
        using var profile = Render(Samples.Document());
        var vless = Outbound(profile.RootElement, "🇩🇪 Germany");

        Assert.Equal("vless", vless.GetProperty("type").GetString());
        Assert.Equal("de1.example.com", vless.GetProperty("server").GetString());
        Assert.Equal(443, vless.GetProperty("server_port").GetInt32());
        Assert.Equal("b831381d-6324-4d53-ad4f-8cda48b30811", vless.GetProperty("uuid").GetString());
        Assert.Equal("xtls-rprx-vision", vless.GetProperty("flow").GetString());
        var tls = vless.GetProperty("tls");
        Assert.True(tls.GetProperty("enabled").GetBoolean());
        Assert.Equal("www.microsoft.com", tls.GetProperty("server_name").GetString());
        Assert.True(tls.GetProperty("utls").GetProperty("enabled").GetBoolean());
        Assert.Equal("chrome", tls.GetProperty("utls").GetProperty("fingerprint").GetString());
        var reality = tls.GetProperty("reality");
        Assert.True(reality.GetProperty("enabled").GetBoolean());
        Assert.Equal("SbVKOEMjK0sIlbwg4akyBg5mL5KZwwB-ed4eEE7YnRc", reality.GetProperty("public_key").GetString());
        Assert.Equal("6ba85179e30d4fc2", reality.GetProperty("short_id").GetString());
    }

    [Fact]
    public void Render_WhenTlsProxy_WritesTlsWithoutReality()
    {
        using var profile = Render(Samples.Document());
        var vless = Outbound(profile.RootElement, "🇩🇪 Germany 2");

        Assert.Equal("2001:db8::7", vless.GetProperty("server").GetString());
        Assert.Equal("tls.example.org", vless.GetProperty("tls").GetProperty("server_name").GetString());
        Assert.Equal("firefox", vless.GetProperty("tls").GetProperty("utls").GetProperty("fingerprint").GetString());
        Assert.False(vless.GetProperty("tls").TryGetProperty("reality", out _));
    }

    [Fact]
    public void Render_WhenHysteria2WithPortList_WritesServerPortsAsColonRanges()
    {
        var link = Samples.Hysteria2() with { Port = "443,20000-50000" };
        var document = Samples.Document() with { Proxies = [new SubscriptionProxy("nl", "hop", "", link)] };
        using var profile = Render(document);
        var hysteria2 = Outbound(profile.RootElement, "hop");

        Assert.Equal("hysteria2", hysteria2.GetProperty("type").GetString());
        Assert.Equal("nl1.example.net", hysteria2.GetProperty("server").GetString());
        Assert.False(hysteria2.TryGetProperty("server_port", out _));
        Assert.Equal(["443:443", "20000:50000"], hysteria2.GetProperty("server_ports").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("p@ss:w/rd?#%+ü", hysteria2.GetProperty("password").GetString());
        Assert.Equal("salamander", hysteria2.GetProperty("obfs").GetProperty("type").GetString());
        Assert.Equal("obfs pw+/=", hysteria2.GetProperty("obfs").GetProperty("password").GetString());
        var tls = hysteria2.GetProperty("tls");
        Assert.True(tls.GetProperty("enabled").GetBoolean());
        Assert.Equal("nl1.example.net", tls.GetProperty("server_name").GetString());
        Assert.True(tls.GetProperty("insecure").GetBoolean());
    }

    [Fact]
    public void Render_WhenHysteria2OnOnePort_WritesServerPortAndNoObfs()
    {
        var link = Samples.Hysteria2() with { Port = "443", ObfsPassword = "", Insecure = false };
        var document = Samples.Document() with { Proxies = [new SubscriptionProxy("nl", "one", "", link)] };
        using var profile = Render(document);
        var hysteria2 = Outbound(profile.RootElement, "one");

        Assert.Equal(443, hysteria2.GetProperty("server_port").GetInt32());
        Assert.False(hysteria2.TryGetProperty("server_ports", out _));
        Assert.False(hysteria2.TryGetProperty("obfs", out _));
        Assert.False(hysteria2.GetProperty("tls").GetProperty("insecure").GetBoolean());
    }

    [Fact]
    public void Render_WhenSingBox_SelectorDefaultsToUrlTestOverAllProxiesAndRouteEndsThere()
    {
        using var profile = Render(Samples.Document());
        var root = profile.RootElement;
        AssertConsistent(root);

        var outbounds = root.GetProperty("outbounds").EnumerateArray().ToList();
        var proxyTags = outbounds.Where(o => o.GetProperty("type").GetString() is "vless" or "hysteria2")
            .Select(o => o.GetProperty("tag").GetString()).ToList();
        var selector = outbounds.Single(o => o.GetProperty("type").GetString() == "selector");
        var urlTest = outbounds.Single(o => o.GetProperty("type").GetString() == "urltest");
        Assert.Equal(3, proxyTags.Count);
        Assert.Equal(proxyTags, urlTest.GetProperty("outbounds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(urlTest.GetProperty("tag").GetString(), selector.GetProperty("default").GetString());
        Assert.Equal([urlTest.GetProperty("tag").GetString(), .. proxyTags], selector.GetProperty("outbounds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("http://www.gstatic.com/generate_204", urlTest.GetProperty("url").GetString());
        Assert.Equal(selector.GetProperty("tag").GetString(), root.GetProperty("route").GetProperty("final").GetString());
        Assert.Contains(outbounds, o => o.GetProperty("type").GetString() == "direct");
        Assert.Contains(root.GetProperty("inbounds").EnumerateArray(), i => i.GetProperty("type").GetString() == "tun");
    }

    internal static JsonDocument Render(SubscriptionDocument document) =>
        JsonDocument.Parse(SubscriptionRenderer.Render(document, SubscriptionFormat.SingBox).Body);

    internal static JsonElement Outbound(JsonElement root, string tag) =>
        root.GetProperty("outbounds").EnumerateArray().Single(o => o.GetProperty("tag").GetString() == tag);

    /// <summary>What sing-box checks on start: known types, unique tags, and every tag reference resolving.</summary>
    internal static void AssertConsistent(JsonElement root)
    {
        string[] knownTypes = ["vless", "hysteria2", "selector", "urltest", "direct"];
        var outbounds = root.GetProperty("outbounds").EnumerateArray().ToList();
        var tags = outbounds.Select(o => o.GetProperty("tag").GetString()!).ToList();
        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.All(outbounds, o => Assert.Contains(o.GetProperty("type").GetString(), knownTypes));
        foreach (var group in outbounds.Where(o => o.TryGetProperty("outbounds", out _)))
        {
            var members = group.GetProperty("outbounds").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.NotEmpty(members);
            Assert.All(members, member => Assert.Contains(member, tags));
            if (group.TryGetProperty("default", out var fallback))
                Assert.Contains(fallback.GetString(), members);
        }

        var route = root.GetProperty("route");
        Assert.Contains(route.GetProperty("final").GetString(), tags);
        foreach (var rule in route.GetProperty("rules").EnumerateArray())
        {
            if (rule.TryGetProperty("outbound", out var target))
                Assert.Contains(target.GetString(), tags);
        }

        var inboundTags = root.GetProperty("inbounds").EnumerateArray().Select(i => i.GetProperty("tag").GetString()).ToList();
        Assert.Equal(inboundTags.Count, inboundTags.Distinct().Count());
    }
}
