using AnomalyConnect.Api.Apis.Admin;
using AnomalyConnect.Contracts.Nodes;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>
/// The node form's fields as posted (strings, so a bad value comes back as typed). Secrets left empty on an edit keep
/// the node's current ones.
/// </summary>
public sealed record NodeFormValues(
    string? Id, string? Name, string? Region, string? Address, string? Capacity, string? Priority,
    bool Xray, string? XrayApiUrl, string? XrayFlavor, string? XrayInboundTag, string? XrayPort, string? XraySecurity,
    string? RealityPublicKey, string? RealityShortId, string? RealityServerName, string? RealityFingerprint, string? RealityPrivateKey,
    bool Hysteria2, string? Hysteria2Port, string? Hysteria2StatsUrl, string? Hysteria2StatsSecret, string? Hysteria2ServerName,
    string? Hysteria2ObfsPassword, bool Hysteria2Insecure)
{
    public static NodeFormValues Empty { get; } = new(
        null, null, null, null, "500", "0", true, null, "xray", "vless-reality", "443", "reality", null, null, null, "chrome", null,
        false, "443", null, null, null, null, false);

    public static NodeFormValues From(IFormCollection form) => new(
        AdminForms.Text(form, "id"), AdminForms.Text(form, "name"), AdminForms.Text(form, "region"), AdminForms.Text(form, "address"),
        AdminForms.Text(form, "capacity"), AdminForms.Text(form, "priority"),
        AdminForms.Flag(form, "xray"), AdminForms.Text(form, "xray_api_url"), AdminForms.Text(form, "xray_flavor"), AdminForms.Text(form, "xray_inbound_tag"),
        AdminForms.Text(form, "xray_port"), AdminForms.Text(form, "xray_security"),
        AdminForms.Text(form, "reality_public_key"), AdminForms.Text(form, "reality_short_id"), AdminForms.Text(form, "reality_server_name"),
        AdminForms.Text(form, "reality_fingerprint"), AdminForms.Text(form, "reality_private_key"),
        AdminForms.Flag(form, "hysteria2"), AdminForms.Text(form, "hy2_port"), AdminForms.Text(form, "hy2_stats_url"), AdminForms.Text(form, "hy2_stats_secret"),
        AdminForms.Text(form, "hy2_server_name"), AdminForms.Text(form, "hy2_obfs_password"), AdminForms.Flag(form, "hy2_insecure"));

    public static NodeFormValues Of(NodeView node) => new(
        node.NodeId, node.Name, node.Region, node.Address, Text(node.Capacity), Text(node.Priority),
        node.Xray is not null, node.Xray?.ApiUrl, node.Xray?.Flavor ?? "xray", node.Xray?.InboundTag, node.Xray is { } x ? Text(x.Port) : "443",
        node.Xray?.Security ?? "reality", node.Xray?.Reality?.PublicKey, node.Xray?.Reality?.ShortId, node.Xray?.Reality?.ServerName,
        node.Xray?.Reality?.Fingerprint ?? "chrome", null,
        node.Hysteria2 is not null, node.Hysteria2?.Port ?? "443", node.Hysteria2?.StatsUrl, null, node.Hysteria2?.ServerName,
        node.Hysteria2?.ObfsPassword, node.Hysteria2?.Insecure ?? false);

    /// <summary>The definition the node grain validates; numbers that do not parse become 0 so its sentences explain them.</summary>
    public NodeDefinition ToDefinition(NodeSecrets? secrets)
    {
        var request = new RegisterNodeRequest(
            Id, Name ?? Id, Region, Address, Number(Capacity), Number(Priority),
            Xray
                ? new XrayRequest(XrayApiUrl, XrayFlavor, XrayInboundTag, Number(XrayPort), XraySecurity,
                    XraySecurity == "reality"
                        ? new RealityRequest(RealityPublicKey, RealityShortId, RealityServerName, RealityFingerprint, RealityPrivateKey ?? secrets?.RealityPrivateKey, null)
                        : null,
                    null)
                : null,
            Hysteria2
                ? new Hysteria2Request(Hysteria2Port, Hysteria2StatsUrl, Hysteria2StatsSecret ?? secrets?.StatsSecret, Hysteria2ServerName, Hysteria2ObfsPassword, Hysteria2Insecure)
                : null);
        return NodeRequestMapping.ToDefinition(request).Definition;
    }

    private static int Number(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
