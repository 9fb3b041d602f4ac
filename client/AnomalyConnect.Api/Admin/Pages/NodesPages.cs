using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Api.Apis.Admin;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>Nodes: the list with health and load, add, edit, resync, drain, and downloads of the node's own server configs.</summary>
public static class NodesPages
{
    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["created"] = "The node was added. It is probed within a poll interval.",
        ["saved"] = "The node's definition was saved; it is being resynced.",
        ["resync"] = "A resync was requested.",
        ["drain"] = "The node is draining: its users move to other nodes, then it is removed.",
    };

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/nodes", ListAsync);
        pages.MapGet("/nodes/new", (HttpContext http) => NodeForm.Page(AdminRequest.Of(http), null, NodeFormValues.Empty, null));
        pages.MapPost("/nodes", CreateAsync);
        pages.MapGet("/nodes/{nodeId}", ShowAsync);
        pages.MapPost("/nodes/{nodeId}", SaveAsync);
        pages.MapPost("/nodes/{nodeId}/resync", ResyncAsync);
        pages.MapPost("/nodes/{nodeId}/drain", DrainAsync);
        pages.MapGet("/nodes/{nodeId}/xray-config", (string nodeId, [AsParameters] NodeConfigQuery query, HttpContext http, IGrainFactory grains, IAuditLog audit, INodeDirectory nodes, IOptions<FrontEndOptions> options) =>
            DownloadAsync(nodeId, NodeConfigDownloads.XrayFormat, query, http, grains, audit, nodes, options));
        pages.MapGet("/nodes/{nodeId}/hysteria2-config", (string nodeId, [AsParameters] NodeConfigQuery query, HttpContext http, IGrainFactory grains, IAuditLog audit, INodeDirectory nodes, IOptions<FrontEndOptions> options) =>
            DownloadAsync(nodeId, NodeConfigDownloads.Hysteria2Format, query, http, grains, audit, nodes, options));
    }

    public static async Task<IResult> ListAsync(HttpContext http, INodeDirectory nodes)
    {
        var list = await nodes.ListAsync(http.RequestAborted);
        return AdminPages.Page(AdminRequest.Of(http), "/admin/nodes", "Nodes", Html.Of(
            $"""
            <p><a href="/admin/nodes/new">Add a node</a></p>
            {Table(list)}
            """));
    }

    public static Html Table(IReadOnlyList<NodeSummary> nodes) =>
        nodes.Count == 0
            ? Html.Of($"""<p class="muted">No nodes yet. <a href="/admin/nodes/new">Add the first one</a>.</p>""")
            : Html.Of(
                $"""
                <div class="table-wrap"><table>
                <thead><tr><th>Node</th><th>Region</th><th>Health</th><th>Users</th><th>Load</th><th>Traffic ↑ / ↓</th><th>Checked</th><th>Last error</th></tr></thead>
                <tbody>{Html.Join(nodes.Select(n => Html.Of(
                    $"""
                    <tr><td><a href="/admin/nodes/{Uri.EscapeDataString(n.Node.NodeId)}">{n.Node.NodeId}</a> <span class="muted">{n.Node.Name}</span></td>
                    <td>{n.Node.Region}</td><td>{Badge(n.Node.Health)}</td>
                    <td>{AdminFormat.Number(n.ActiveUsers)} / {AdminFormat.Number(n.Node.Capacity)}</td><td>{AdminFormat.Percent(n.Load)}</td>
                    <td>{AdminFormat.Bytes(n.Node.UploadBytes)} / {AdminFormat.Bytes(n.Node.DownloadBytes)}</td>
                    <td>{AdminFormat.Time(n.Node.LastCheckedAt)}</td><td class="wrap">{n.Node.LastError}</td></tr>
                    """)))}</tbody>
                </table></div>
                """);

    public static Html Badge(NodeHealth health) => Html.Of($"""<span class="badge {AdminFormat.Name(health)}">{AdminFormat.Label(health)}</span>""");

    public static async Task<IResult> CreateAsync(HttpContext http, IGrainFactory grains, IAuditLog audit)
    {
        var admin = AdminRequest.Of(http);
        var values = NodeFormValues.From(await AdminForms.ReadAsync(http));
        if (values.Id is not { Length: > 0 } id)
        {
            return NodeForm.Page(admin, null, values, "Give the node an id (like node-eu-1).");
        }
        var grain = grains.GetGrain<INodeGrain>(id);
        if (await grain.GetAsync() is not null)
        {
            return NodeForm.Page(admin, null, values, $"A node '{id}' already exists; open it to edit it.");
        }
        var result = await grain.RegisterAsync(values.ToDefinition(secrets: null));
        if (result.Outcome != NodeOutcome.Done)
        {
            return NodeForm.Page(admin, null, values, result.Error ?? "The node could not be added.");
        }
        await NodeAudit.RecordAsync(audit, result, "node.registered", id, admin.Actor, http.RequestAborted);
        return Results.Redirect($"/admin/nodes/{Uri.EscapeDataString(id)}?done=created");
    }

    public static async Task<IResult> ShowAsync(string nodeId, string? done, HttpContext http, IGrainFactory grains, INodeDirectory nodes, IOptions<FrontEndOptions> options) =>
        await DetailAsync(nodeId, http, grains, nodes, options, done is null ? null : Notices.GetValueOrDefault(done), error: null);

    public static async Task<IResult> SaveAsync(string nodeId, HttpContext http, IGrainFactory grains, IAuditLog audit, INodeDirectory nodes, IOptions<FrontEndOptions> options)
    {
        var admin = AdminRequest.Of(http);
        var grain = grains.GetGrain<INodeGrain>(nodeId);
        if (await grain.GetSecretsAsync() is not { } secrets)
        {
            return AdminPages.Page(admin, "/admin/nodes", "No such node", Html.Of($"""<p>There is no node '{nodeId}'.</p>"""), status: StatusCodes.Status404NotFound);
        }
        var values = NodeFormValues.From(await AdminForms.ReadAsync(http)) with { Id = nodeId };
        var result = await grain.RegisterAsync(values.ToDefinition(secrets));
        if (result.Outcome != NodeOutcome.Done)
        {
            return await DetailAsync(nodeId, http, grains, nodes, options, null, result.Error ?? "The node could not be saved.", values);
        }
        await NodeAudit.RecordAsync(audit, result, "node.updated", nodeId, admin.Actor, http.RequestAborted);
        return Results.Redirect($"/admin/nodes/{Uri.EscapeDataString(nodeId)}?done=saved");
    }

    public static async Task<IResult> ResyncAsync(string nodeId, HttpContext http, IGrainFactory grains, IAuditLog audit)
    {
        var result = await grains.GetGrain<INodeGrain>(nodeId).RequestResyncAsync();
        await NodeAudit.RecordAsync(audit, result, "node.resync_requested", nodeId, AdminRequest.Of(http).Actor, http.RequestAborted);
        return Results.Redirect($"/admin/nodes/{Uri.EscapeDataString(nodeId)}?done=resync");
    }

    public static async Task<IResult> DrainAsync(string nodeId, HttpContext http, IGrainFactory grains, IAuditLog audit)
    {
        var result = await grains.GetGrain<INodeGrain>(nodeId).DrainAsync();
        await NodeAudit.RecordAsync(audit, result, "node.drain_requested", nodeId, AdminRequest.Of(http).Actor, http.RequestAborted);
        return Results.Redirect($"/admin/nodes/{Uri.EscapeDataString(nodeId)}?done=drain");
    }

    private static async Task<IResult> DownloadAsync(
        string nodeId, string format, NodeConfigQuery query, HttpContext http, IGrainFactory grains, IAuditLog audit, INodeDirectory nodes, IOptions<FrontEndOptions> options)
    {
        var result = await NodeConfigDownloads.DownloadAsync(nodeId, format, query, grains, audit, AdminRequest.Of(http).Actor, options.Value.AppUrl, http.RequestAborted);
        return result is ProblemHttpResult problem
            ? await DetailAsync(nodeId, http, grains, nodes, options, null, problem.ProblemDetails.Detail)
            : result;
    }

    private static async Task<IResult> DetailAsync(
        string nodeId, HttpContext http, IGrainFactory grains, INodeDirectory nodes, IOptions<FrontEndOptions> options, string? notice, string? error, NodeFormValues? posted = null)
    {
        var admin = AdminRequest.Of(http);
        var summary = (await nodes.ListAsync(http.RequestAborted)).FirstOrDefault(n => n.Node.NodeId == nodeId);
        var secrets = await grains.GetGrain<INodeGrain>(nodeId).GetSecretsAsync();
        if (summary is null || secrets is null)
        {
            return AdminPages.Page(admin, "/admin/nodes", "No such node", Html.Of($"""<p>There is no node '{nodeId}'. It may have been drained and removed.</p>"""),
                status: StatusCodes.Status404NotFound);
        }
        var node = summary.Node;
        var path = "/admin/nodes/" + Uri.EscapeDataString(nodeId);
        var hookUrl = node.Hysteria2 is null ? null : NodeResponse.AuthHookUrl(options.Value.AppUrl, nodeId, secrets.AuthHookSecret);
        var body = Html.Of(
            $"""
            <div class="panel"><dl class="facts">
              <dt>Name</dt><dd>{node.Name}</dd><dt>Region</dt><dd>{node.Region}</dd><dt>Address</dt><dd>{node.Address}</dd>
              <dt>Health</dt><dd>{Badge(node.Health)} {node.LastError}</dd>
              <dt>Users</dt><dd>{AdminFormat.Number(summary.ActiveUsers)} of {AdminFormat.Number(node.Capacity)} ({AdminFormat.Percent(summary.Load)})</dd>
              <dt>Traffic</dt><dd>↑ {AdminFormat.Bytes(node.UploadBytes)} / ↓ {AdminFormat.Bytes(node.DownloadBytes)}</dd>
              <dt>Last checked</dt><dd>{AdminFormat.Time(node.LastCheckedAt)}</dd><dt>Last healthy</dt><dd>{AdminFormat.Time(node.LastHealthyAt)}</dd>
              <dt>Registered</dt><dd>{AdminFormat.Time(node.RegisteredAt)}</dd>
              {Html.When(hookUrl is not null, Html.Of($"""<dt>Hysteria2 auth hook</dt><dd><code>{hookUrl}</code></dd>"""))}
            </dl></div>
            <div class="actions">
              {AdminForms.Button(admin, path + "/resync", "Resync now", kind: "secondary")}
              {AdminForms.Button(admin, path + "/drain", "Drain and remove", $"Drain {nodeId}? Its users move to other nodes and the node is removed.", "danger")}
            </div>
            <h2>Server configs</h2>
            {ConfigForms(path, node)}
            <h2>Edit</h2>
            {NodeForm.Form(admin, nodeId, posted ?? NodeFormValues.Of(node))}
            """);
        return AdminPages.Page(admin, "/admin/nodes", $"Node {nodeId}", body, notice, error, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Html ConfigForms(string path, NodeView node) => Html.Of(
        $"""
        <p class="muted">The files carry the node's secrets; each download is recorded in the audit log. Defaults match deploy/node.</p>
        {Html.When(node.Xray is not null, Html.Of(
            $"""
            <form method="get" action="{path}/xray-config" class="panel grid">
              {AdminForms.Field("reality_dest", "Reality destination (host:port)", node.Xray?.Reality is { } reality ? reality.ServerName + ":443" : null)}
              {AdminForms.Field("api_port", "API port on 127.0.0.1", "10085", "number")}
              <button type="submit">Download Xray config</button>
            </form>
            """))}
        {Html.When(node.Hysteria2 is not null, Html.Of(
            $"""
            <form method="get" action="{path}/hysteria2-config" class="panel grid">
              {AdminForms.Field("stats_listen", "Stats API listen (loopback)", "127.0.0.1:9999")}
              {AdminForms.Field("tls_cert", "Certificate file", "/etc/hysteria/tls.crt")}
              {AdminForms.Field("tls_key", "Key file", "/etc/hysteria/tls.key")}
              <button type="submit">Download Hysteria2 config</button>
            </form>
            """))}
        """);
}
