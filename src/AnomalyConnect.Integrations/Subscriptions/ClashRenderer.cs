using System.Text;
using AnomalyConnect.Integrations.Links;
using YamlDotNet.Serialization;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>
/// A Clash/mihomo profile: the proxies, a <c>url-test</c> group over them, a <c>select</c> group offering that
/// group and each proxy, and every connection sent to the select group.
/// </summary>
internal static class ClashRenderer
{
    // Quoting what would otherwise read as a number or boolean keeps short ids like "0123" and numeric passwords strings.
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static RenderedSubscription Render(SubscriptionDocument document)
    {
        var proxies = RenderedProxies.Of(document);
        var names = proxies.Select(proxy => proxy.Name).ToList();
        var profile = new Dictionary<string, object>
        {
            ["mixed-port"] = 7890,
            ["allow-lan"] = false,
            ["mode"] = "rule",
            ["log-level"] = "warning",
            ["proxies"] = proxies.Select(proxy => Proxy(proxy.Link)).ToList(),
            ["proxy-groups"] = new List<Dictionary<string, object>>
            {
                new()
                {
                    ["name"] = RenderedProxies.SelectGroup,
                    ["type"] = "select",
                    ["proxies"] = names.Prepend(RenderedProxies.AutoGroup).ToList(),
                },
                new()
                {
                    ["name"] = RenderedProxies.AutoGroup,
                    ["type"] = "url-test",
                    ["proxies"] = names,
                    ["url"] = RenderedProxies.ProbeUrl,
                    ["interval"] = RenderedProxies.ProbeIntervalSeconds,
                    ["tolerance"] = RenderedProxies.ProbeToleranceMilliseconds,
                },
            },
            ["rules"] = new List<string> { $"MATCH,{RenderedProxies.SelectGroup}" },
        };

        return new RenderedSubscription(
            "text/yaml; charset=utf-8",
            Encoding.UTF8.GetBytes(Yaml.Serialize(profile)),
            SubscriptionFormats.FileExtension(SubscriptionFormat.Clash));
    }

    private static Dictionary<string, object> Proxy(ShareLink link) => link switch
    {
        VlessRealityLink vless => Vless(vless),
        Hysteria2Link hysteria2 => Hysteria2(hysteria2),
        _ => throw new NotSupportedException($"No Clash form for {link.Protocol}."),
    };

    private static Dictionary<string, object> Vless(VlessRealityLink link)
    {
        var proxy = new Dictionary<string, object>
        {
            ["name"] = link.Name,
            ["type"] = "vless",
            ["server"] = link.Host,
            ["port"] = link.Port,
            ["uuid"] = link.Uuid,
            ["network"] = "tcp",
            ["udp"] = true,
            ["tls"] = link.Security != VlessSecurity.None,
        };
        if (link.Security == VlessSecurity.None)
            return proxy;

        if (link.Flow.Length > 0)
            proxy["flow"] = link.Flow;
        if (link.ServerName.Length > 0)
            proxy["servername"] = link.ServerName;
        var fingerprint = RenderedProxies.FingerprintFor(link);
        if (fingerprint.Length > 0)
            proxy["client-fingerprint"] = fingerprint;
        if (link.Security == VlessSecurity.Reality)
        {
            proxy["reality-opts"] = new Dictionary<string, object>
            {
                ["public-key"] = link.PublicKey,
                ["short-id"] = link.ShortId,
            };
        }

        return proxy;
    }

    private static Dictionary<string, object> Hysteria2(Hysteria2Link link)
    {
        if (!HysteriaPorts.TryParse(link.Port, out var ranges))
            throw new InvalidOperationException($"Hysteria2 port '{link.Port}' is not a port, range or list of them.");

        var proxy = new Dictionary<string, object>
        {
            ["name"] = link.Name,
            ["type"] = "hysteria2",
            ["server"] = link.Host,
            ["port"] = ranges[0].Start,
        };
        if (!HysteriaPorts.IsSinglePort(ranges))
            proxy["ports"] = link.Port; // mihomo reads the same "1000,2000-3000" notation as the link
        proxy["password"] = link.Auth;
        if (link.ServerName.Length > 0)
            proxy["sni"] = link.ServerName;
        if (link.ObfsPassword.Length > 0)
        {
            proxy["obfs"] = "salamander";
            proxy["obfs-password"] = link.ObfsPassword;
        }

        if (link.Insecure)
            proxy["skip-cert-verify"] = true;
        return proxy;
    }
}
