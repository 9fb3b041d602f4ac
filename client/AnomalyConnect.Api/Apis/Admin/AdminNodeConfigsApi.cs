using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>
/// <c>GET /admin/api/nodes/{id}/xray-config</c> (application/json) and <c>/hysteria2-config</c> (YAML): the configs to
/// install on a registered node. Query parameters: <see cref="NodeConfigQuery"/>.
/// </summary>
public static class AdminNodeConfigsApi
{
    public static IEndpointRouteBuilder MapAdminNodeConfigsApi(this IEndpointRouteBuilder routes)
    {
        var nodes = routes.MapGroup("/admin/api/nodes/{nodeId}").AddEndpointFilter<AdminTokenFilter>();
        nodes.MapGet("/xray-config", (string nodeId, [AsParameters] NodeConfigQuery query, HttpContext http, IGrainFactory grains, IAuditLog audit, IOptions<FrontEndOptions> options) =>
            NodeConfigDownloads.DownloadAsync(nodeId, NodeConfigDownloads.XrayFormat, query, grains, audit, AdminRequestActor.Of(http), options.Value.AppUrl, http.RequestAborted));
        nodes.MapGet("/hysteria2-config", (string nodeId, [AsParameters] NodeConfigQuery query, HttpContext http, IGrainFactory grains, IAuditLog audit, IOptions<FrontEndOptions> options) =>
            NodeConfigDownloads.DownloadAsync(nodeId, NodeConfigDownloads.Hysteria2Format, query, grains, audit, AdminRequestActor.Of(http), options.Value.AppUrl, http.RequestAborted));
        return routes;
    }
}
