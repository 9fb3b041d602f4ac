using AnomalyConnect.Api.Admin.Markup;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>The add/edit form of a node (DESIGN.md §4 POST /admin/api/nodes, field for field).</summary>
public static class NodeForm
{
    public static IResult Page(AdminRequest admin, string? nodeId, NodeFormValues values, string? error) =>
        AdminPages.Page(admin, "/admin/nodes", "Add a node", Form(admin, nodeId, values), error: error,
            status: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    public static Html Form(AdminRequest admin, string? nodeId, NodeFormValues v)
    {
        var action = nodeId is null ? "/admin/nodes" : "/admin/nodes/" + Uri.EscapeDataString(nodeId);
        return Html.Of(
            $"""
            <form method="post" action="{action}" class="panel">
              {AdminForms.Csrf(admin)}
              <div class="grid">
                {(nodeId is null ? AdminForms.Field("id", "Id", v.Id, required: true, hint: "lowercase letters, digits and '-', like node-eu-1") : Html.Empty)}
                {AdminForms.Field("name", "Name", v.Name)}
                {AdminForms.Field("region", "Region", v.Region, required: true)}
                {AdminForms.Field("address", "Public address", v.Address, required: true)}
                {AdminForms.Field("capacity", "Capacity (users)", v.Capacity, "number", required: true)}
                {AdminForms.Field("priority", "Priority", v.Priority, "number")}
              </div>
              <fieldset><legend>{AdminForms.Checkbox("xray", "Xray (VLESS)", v.Xray)}</legend><div class="grid">
                {AdminForms.Field("xray_api_url", "API URL (the node's mTLS nginx)", v.XrayApiUrl, hint: "https://203.0.113.10:8443")}
                {AdminForms.Select("xray_flavor", "Flavor", v.XrayFlavor, [("xray", "xray"), ("v2ray", "v2ray")])}
                {AdminForms.Field("xray_inbound_tag", "Inbound tag", v.XrayInboundTag)}
                {AdminForms.Field("xray_port", "VLESS port", v.XrayPort, "number")}
                {AdminForms.Select("xray_security", "Security", v.XraySecurity, [("reality", "reality"), ("tls", "tls"), ("none", "none")])}
                {AdminForms.Field("reality_public_key", "Reality public key", v.RealityPublicKey)}
                {AdminForms.Field("reality_short_id", "Reality short id", v.RealityShortId)}
                {AdminForms.Field("reality_server_name", "Reality server name (SNI)", v.RealityServerName)}
                {AdminForms.Field("reality_fingerprint", "Fingerprint", v.RealityFingerprint)}
                {AdminForms.Field("reality_private_key", "Reality private key", null, "password",
                    hint: nodeId is null ? "optional: needed to download the node's Xray config" : "leave empty to keep the current one",
                    extra: Html.Of($" autocomplete=\"off\""))}
              </div></fieldset>
              <fieldset><legend>{AdminForms.Checkbox("hysteria2", "Hysteria2", v.Hysteria2)}</legend><div class="grid">
                {AdminForms.Field("hy2_port", "Port or range", v.Hysteria2Port, hint: "443 or 20000-50000")}
                {AdminForms.Field("hy2_stats_url", "Stats API URL", v.Hysteria2StatsUrl, hint: "https://203.0.113.10:8443/hy2")}
                {AdminForms.Field("hy2_stats_secret", "Stats secret", null, "password",
                    hint: nodeId is null ? null : "leave empty to keep the current one", extra: Html.Of($" autocomplete=\"off\""))}
                {AdminForms.Field("hy2_server_name", "Server name (SNI)", v.Hysteria2ServerName)}
                {AdminForms.Field("hy2_obfs_password", "Obfuscation password", v.Hysteria2ObfsPassword)}
                {AdminForms.Checkbox("hy2_insecure", "Self-signed certificate (clients skip verification)", v.Hysteria2Insecure)}
              </div></fieldset>
              <p><button type="submit">{(nodeId is null ? "Add node" : "Save")}</button></p>
            </form>
            """);
    }
}
