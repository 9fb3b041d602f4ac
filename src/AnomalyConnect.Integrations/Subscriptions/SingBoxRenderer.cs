using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>
/// A sing-box profile. Outbounds use field names sing-box has read since 1.8 (<c>tls.utls</c>, <c>tls.reality</c>,
/// <c>server_ports</c> since 1.11); the tun inbound's <c>address</c> and the route's rule actions need 1.11, which
/// every current SFA/SFI/SFM build is past, and the legacy spellings they replace are removed in 1.12/1.13.
/// </summary>
internal static class SingBoxRenderer
{
    private const string DirectTag = "direct";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for apps, never inlined into a page
    };

    public static RenderedSubscription Render(SubscriptionDocument document)
    {
        var proxies = RenderedProxies.Of(document);
        var names = proxies.Select(proxy => proxy.Name).ToList();

        var outbounds = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "selector",
                ["tag"] = RenderedProxies.SelectGroup,
                ["outbounds"] = Strings(names.Prepend(RenderedProxies.AutoGroup)),
                ["default"] = RenderedProxies.AutoGroup,
            },
            new JsonObject
            {
                ["type"] = "urltest",
                ["tag"] = RenderedProxies.AutoGroup,
                ["outbounds"] = Strings(names),
                ["url"] = RenderedProxies.ProbeUrl,
                ["interval"] = $"{RenderedProxies.ProbeIntervalSeconds}s",
                ["tolerance"] = RenderedProxies.ProbeToleranceMilliseconds,
            },
        };
        foreach (var proxy in proxies)
            outbounds.Add(Outbound(proxy.Link));
        outbounds.Add(new JsonObject { ["type"] = "direct", ["tag"] = DirectTag });

        var profile = new JsonObject
        {
            ["log"] = new JsonObject { ["level"] = "warn" },
            ["inbounds"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "tun",
                    ["tag"] = "tun-in",
                    ["address"] = Strings(["172.19.0.1/30", "fdfe:dcba:9876::1/126"]),
                    ["auto_route"] = true,
                    ["strict_route"] = true,
                },
                new JsonObject
                {
                    ["type"] = "mixed",
                    ["tag"] = "mixed-in",
                    ["listen"] = "127.0.0.1",
                    ["listen_port"] = 2080,
                },
            },
            ["outbounds"] = outbounds,
            ["route"] = new JsonObject
            {
                ["rules"] = new JsonArray
                {
                    new JsonObject { ["action"] = "sniff" },
                    new JsonObject { ["protocol"] = "dns", ["action"] = "hijack-dns" },
                    new JsonObject { ["ip_is_private"] = true, ["outbound"] = DirectTag },
                },
                ["final"] = RenderedProxies.SelectGroup,
                ["auto_detect_interface"] = true,
            },
        };

        return new RenderedSubscription(
            "application/json; charset=utf-8",
            Encoding.UTF8.GetBytes(profile.ToJsonString(Options)),
            SubscriptionFormats.FileExtension(SubscriptionFormat.SingBox));
    }

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());

    private static JsonObject Outbound(ShareLink link) => link switch
    {
        VlessRealityLink vless => Vless(vless),
        Hysteria2Link hysteria2 => Hysteria2(hysteria2),
        _ => throw new NotSupportedException($"No sing-box form for {link.Protocol}."),
    };

    private static JsonObject Vless(VlessRealityLink link)
    {
        var outbound = new JsonObject
        {
            ["type"] = "vless",
            ["tag"] = link.Name,
            ["server"] = link.Host,
            ["server_port"] = link.Port,
            ["uuid"] = link.Uuid,
        };
        if (link.Security == VlessSecurity.None)
            return outbound;

        if (link.Flow.Length > 0)
            outbound["flow"] = link.Flow;
        var tls = new JsonObject { ["enabled"] = true };
        if (link.ServerName.Length > 0)
            tls["server_name"] = link.ServerName;
        var fingerprint = RenderedProxies.FingerprintFor(link);
        if (fingerprint.Length > 0)
            tls["utls"] = new JsonObject { ["enabled"] = true, ["fingerprint"] = fingerprint };
        if (link.Security == VlessSecurity.Reality)
        {
            tls["reality"] = new JsonObject
            {
                ["enabled"] = true,
                ["public_key"] = link.PublicKey,
                ["short_id"] = link.ShortId,
            };
        }

        outbound["tls"] = tls;
        return outbound;
    }

    private static JsonObject Hysteria2(Hysteria2Link link)
    {
        if (!HysteriaPorts.TryParse(link.Port, out var ranges))
            throw new InvalidOperationException($"Hysteria2 port '{link.Port}' is not a port, range or list of them.");

        var outbound = new JsonObject
        {
            ["type"] = "hysteria2",
            ["tag"] = link.Name,
            ["server"] = link.Host,
        };
        if (HysteriaPorts.IsSinglePort(ranges))
            outbound["server_port"] = ranges[0].Start;
        else // sing-box wants every entry as "start:end", single ports included
            outbound["server_ports"] = Strings(ranges.Select(r => $"{r.Start}:{r.End}"));
        outbound["password"] = link.Auth;
        if (link.ObfsPassword.Length > 0)
            outbound["obfs"] = new JsonObject { ["type"] = "salamander", ["password"] = link.ObfsPassword };

        var tls = new JsonObject { ["enabled"] = true };
        if (link.ServerName.Length > 0)
            tls["server_name"] = link.ServerName;
        tls["insecure"] = link.Insecure;
        outbound["tls"] = tls;
        return outbound;
    }
}
