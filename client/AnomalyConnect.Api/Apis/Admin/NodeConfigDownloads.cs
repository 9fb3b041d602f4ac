using System.Globalization;
using System.Text;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.NodeConfigs;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>
/// A registered node's own server configs (Xray JSON, Hysteria2 YAML), made with the NodeConfigs renderers from the
/// node's registration and secrets. They carry secrets (Reality private key, stats secret, auth-hook URL), so every
/// download is audited.
/// </summary>
public static class NodeConfigDownloads
{
    public const string XrayFormat = "xray";
    public const string Hysteria2Format = "hysteria2";
    private const int DefaultApiPort = 10085;
    private const string DefaultStatsListen = "127.0.0.1:9999";

    public static async Task<IResult> DownloadAsync(
        string nodeId, string format, NodeConfigQuery query, IGrainFactory grains, IAuditLog audit, Actor actor, string appUrl, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<INodeGrain>(nodeId);
        if (await grain.GetAsync() is not { } node || await grain.GetSecretsAsync() is not { } secrets)
        {
            return Problems.NotFound($"There is no node '{nodeId}'.");
        }
        string text;
        try
        {
            text = format == XrayFormat ? RenderXray(node, secrets, query) : RenderHysteria2(node, secrets, query, appUrl);
        }
        catch (ArgumentException exception)
        {
            return Problems.BadRequest($"The {format} config of '{nodeId}' cannot be made: {exception.Message}");
        }
        await audit.RecordAsync(new AuditRecord("node.config_downloaded", "node", nodeId, actor, new Dictionary<string, string?> { ["format"] = format }), cancellationToken);
        return format == XrayFormat
            ? Results.File(Encoding.UTF8.GetBytes(text), "application/json", $"{nodeId}-xray.json")
            : Results.File(Encoding.UTF8.GetBytes(text), "application/yaml; charset=utf-8", $"{nodeId}-hysteria2.yaml");
    }

    private static string RenderXray(NodeView node, NodeSecrets secrets, NodeConfigQuery query)
    {
        var xray = node.Xray ?? throw new ArgumentException("the node has no Xray (register it with xray).");
        var reality = xray.Reality;
        var needsCertificate = xray.Security == "tls" || xray.HysteriaInboundTag is not null;
        if (xray.Security == "reality" && string.IsNullOrEmpty(secrets.RealityPrivateKey))
        {
            throw new ArgumentException(
                "it was registered without xray.reality.private_key; register it again with the private key (render.sh keeps it in the node's .env).");
        }
        return XrayServerConfig.Render(new XrayServerConfigInput(
            xray.InboundTag,
            xray.Port,
            xray.Security,
            secrets.RealityPrivateKey,
            reality is null ? [] : [reality.ShortId],
            reality?.ServerName,
            query.RealityDest ?? (reality is null ? null : $"{reality.ServerName}:443"),
            query.ApiPort ?? DefaultApiPort,
            query.HttpPort ?? 80,
            needsCertificate ? query.TlsCert ?? "/etc/xray/tls.crt" : query.TlsCert,
            needsCertificate ? query.TlsKey ?? "/etc/xray/tls.key" : query.TlsKey,
            xray.HysteriaInboundTag,
            xray.HysteriaInboundTag is null ? null : SinglePort(node.Hysteria2?.Port) ?? 443));
    }

    private static string RenderHysteria2(NodeView node, NodeSecrets secrets, NodeConfigQuery query, string appUrl)
    {
        var hysteria = node.Hysteria2 ?? throw new ArgumentException("the node has no Hysteria2 (register it with hysteria2).");
        var acme = query.AcmeDomain is not null;
        return Hysteria2ServerConfig.Render(new Hysteria2ServerConfigInput(
            query.Listen ?? $":{(SinglePort(hysteria.Port) ?? 443).ToString(CultureInfo.InvariantCulture)}",
            NodeResponse.AuthHookUrl(appUrl, node.NodeId, secrets.AuthHookSecret),
            query.StatsListen ?? DefaultStatsListen,
            secrets.StatsSecret ?? "",
            query.AcmeDomain,
            query.AcmeEmail,
            acme ? query.TlsCert : query.TlsCert ?? "/etc/hysteria/tls.crt",
            acme ? query.TlsKey : query.TlsKey ?? "/etc/hysteria/tls.key",
            hysteria.ObfsPassword,
            query.MasqueradeUrl ?? $"https://{hysteria.ServerName}/"));
    }

    /// <summary>The port clients use, when it is one port rather than a hopping range.</summary>
    private static int? SinglePort(string? port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
