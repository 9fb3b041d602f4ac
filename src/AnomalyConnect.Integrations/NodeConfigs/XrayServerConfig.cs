using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Integrations.NodeConfigs;

/// <summary>The Xray server config an operator installs on a registered node.</summary>
public static class XrayServerConfig
{
    /// <summary>The API's routing target: <c>api.tag</c>.</summary>
    public const string ApiTag = "api";

    /// <summary>The dokodemo-door inbound on 127.0.0.1 that carries gRPC calls to the API.</summary>
    public const string ApiInboundTag = "api-in";

    /// <summary>With Reality, the inbound on the HTTP port that relays to the borrowed site's port 80.</summary>
    public const string HttpFallbackInboundTag = "http-fallback";

    public const string DirectOutboundTag = "direct";
    public const string BlockOutboundTag = "block";

    private const int BorrowedSiteHttpPort = 80;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // A config file, never embedded in HTML: keep '+', '&' and non-ASCII readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Renders the config as indented JSON, or throws <see cref="ArgumentException"/> naming the input field at fault.
    /// </summary>
    /// <remarks>
    /// <para>The gRPC API (HandlerService, StatsService) listens on 127.0.0.1:<c>ApiPort</c> only, behind the inbound
    /// <see cref="ApiInboundTag"/>; the node's mTLS nginx is the only way in. The VLESS inbound and the optional native
    /// Hysteria2 inbound (Xray 26.3 and later) start with no clients: users are pushed over the API, so a restarted
    /// core comes back empty and the control server resyncs it. Per-user and per-inbound traffic counters are on.</para>
    /// <para>The HTTP port (<c>HttpFallbackPort</c>, 80 by default; null leaves it alone) depends on the security.
    /// With <c>reality</c>, probes on the VLESS port are relayed to <c>RealityDest</c> by Reality itself (so no VLESS
    /// fallbacks), and Xray also binds the HTTP port with a dokodemo-door inbound (<see cref="HttpFallbackInboundTag"/>)
    /// relaying to port 80 of the borrowed site: the node then answers on both ports as that site does, with no web
    /// server of its own. With <c>tls</c>, the HTTP port belongs to the node's own web server (its nginx), which serves
    /// the cover page or redirect to everyone on that port; Xray does not bind it, and sends every connection that
    /// completes TLS but does not speak VLESS to 127.0.0.1:<c>HttpFallbackPort</c> (a VLESS fallback), so an active
    /// probe sees the same website. With <c>none</c> (tests, or a core behind a TLS-terminating front) it is unused.</para>
    /// <para>Routing sends <see cref="ApiInboundTag"/> to the API and refuses private and loopback destinations, with
    /// domains resolved first (<c>IPIfNonMatch</c>): without that, a user could reach the unauthenticated API on
    /// 127.0.0.1 through the tunnel, by address or by a name such as <c>localhost</c>. The ranges are written out rather
    /// than <c>geoip:private</c> (see <see cref="PrivateNetworks"/>). Sniffing is route-only and limited to http and tls,
    /// which v2ray 4.34 also knows, so the <c>none</c> and <c>tls</c> variants load in Debian's v2ray for testing.
    /// Access logs are off: a node keeps no record of where users go.</para>
    /// </remarks>
    public static string Render(XrayServerConfigInput input)
    {
        var security = XrayServerConfigChecks.Validate(input);

        var inbounds = new JsonArray(ApiInbound(input.ApiPort), VlessInbound(input, security));
        if (security == VlessSecurity.Reality && input.HttpFallbackPort is { } httpPort)
        {
            inbounds.Add(HttpRelayInbound(httpPort, XrayServerConfigChecks.RealityDestHost(input)));
        }
        if (input.HysteriaInboundTag is { } hysteriaTag && input.HysteriaPort is { } hysteriaPort)
        {
            inbounds.Add(HysteriaInbound(hysteriaTag, hysteriaPort, input));
        }

        var config = new JsonObject
        {
            ["log"] = new JsonObject { ["loglevel"] = "warning", ["access"] = "none" },
            ["api"] = new JsonObject { ["tag"] = ApiTag, ["services"] = Strings("HandlerService", "StatsService") },
            ["stats"] = new JsonObject(),
            ["policy"] = new JsonObject
            {
                ["levels"] = new JsonObject
                {
                    ["0"] = new JsonObject { ["statsUserUplink"] = true, ["statsUserDownlink"] = true },
                },
                ["system"] = new JsonObject { ["statsInboundUplink"] = true, ["statsInboundDownlink"] = true },
            },
            ["inbounds"] = inbounds,
            ["outbounds"] = new JsonArray(
                new JsonObject { ["tag"] = DirectOutboundTag, ["protocol"] = "freedom", ["settings"] = new JsonObject() },
                new JsonObject { ["tag"] = BlockOutboundTag, ["protocol"] = "blackhole", ["settings"] = new JsonObject() }),
            ["routing"] = new JsonObject
            {
                ["domainStrategy"] = "IPIfNonMatch",
                ["rules"] = new JsonArray(
                    new JsonObject { ["type"] = "field", ["inboundTag"] = Strings(ApiInboundTag), ["outboundTag"] = ApiTag },
                    new JsonObject { ["type"] = "field", ["ip"] = Strings(PrivateNetworks.Cidrs), ["outboundTag"] = BlockOutboundTag }),
            },
        };
        return config.ToJsonString(Indented) + "\n";
    }

    private static JsonObject ApiInbound(int apiPort) => new()
    {
        ["tag"] = ApiInboundTag,
        ["listen"] = "127.0.0.1",
        ["port"] = apiPort,
        ["protocol"] = "dokodemo-door",
        ["settings"] = new JsonObject { ["address"] = "127.0.0.1" },
    };

    private static JsonObject VlessInbound(XrayServerConfigInput input, string security)
    {
        var settings = new JsonObject { ["clients"] = new JsonArray(), ["decryption"] = "none" };
        var stream = new JsonObject { ["network"] = "tcp", ["security"] = security };
        if (security == VlessSecurity.Reality)
        {
            stream["realitySettings"] = new JsonObject
            {
                ["show"] = false,
                ["dest"] = input.RealityDest,
                ["xver"] = 0,
                ["serverNames"] = Strings(input.RealityServerName!),
                ["privateKey"] = input.RealityPrivateKey,
                ["shortIds"] = Strings(input.RealityShortIds),
            };
        }
        else if (security == VlessSecurity.Tls)
        {
            // Fallbacks need the negotiated protocol to be HTTP/1.1, the one the web server behind them speaks.
            stream["tlsSettings"] = TlsSettings(input, "http/1.1");
            if (input.HttpFallbackPort is { } httpPort)
            {
                settings["fallbacks"] = new JsonArray(new JsonObject { ["dest"] = $"127.0.0.1:{httpPort}", ["xver"] = 0 });
            }
        }

        return new JsonObject
        {
            ["tag"] = input.InboundTag,
            ["listen"] = "0.0.0.0",
            ["port"] = input.VlessPort,
            ["protocol"] = "vless",
            ["settings"] = settings,
            ["streamSettings"] = stream,
            ["sniffing"] = new JsonObject
            {
                ["enabled"] = true,
                ["destOverride"] = Strings("http", "tls"),
                ["routeOnly"] = true,
            },
        };
    }

    private static JsonObject HttpRelayInbound(int httpPort, string borrowedHost) => new()
    {
        ["tag"] = HttpFallbackInboundTag,
        ["listen"] = "0.0.0.0",
        ["port"] = httpPort,
        ["protocol"] = "dokodemo-door",
        ["settings"] = new JsonObject { ["address"] = borrowedHost, ["port"] = BorrowedSiteHttpPort, ["network"] = "tcp" },
    };

    private static JsonObject HysteriaInbound(string tag, int port, XrayServerConfigInput input) => new()
    {
        ["tag"] = tag,
        ["listen"] = "0.0.0.0",
        ["port"] = port,
        ["protocol"] = "hysteria",
        ["settings"] = new JsonObject { ["version"] = 2, ["clients"] = new JsonArray() },
        ["streamSettings"] = new JsonObject
        {
            ["network"] = "hysteria",
            ["security"] = "tls",
            ["tlsSettings"] = TlsSettings(input, "h3"),
            ["hysteriaSettings"] = new JsonObject { ["version"] = 2 },
        },
    };

    private static JsonObject TlsSettings(XrayServerConfigInput input, string alpn) => new()
    {
        ["alpn"] = Strings(alpn),
        ["certificates"] = new JsonArray(new JsonObject
        {
            ["certificateFile"] = input.TlsCertificatePath,
            ["keyFile"] = input.TlsKeyPath,
        }),
    };

    private static JsonArray Strings(params IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
