using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>Nodes under <c>/admin/api/nodes</c>: register, list with health and load, drain, resync.</summary>
public static class AdminNodesApi
{
    public static IEndpointRouteBuilder MapAdminNodesApi(this IEndpointRouteBuilder routes)
    {
        var nodes = routes.MapGroup("/admin/api/nodes").AddEndpointFilter<AdminTokenFilter>();
        nodes.MapPost("/", RegisterAsync);
        nodes.MapGet("/", ListAsync);
        nodes.MapGet("/{nodeId}", GetAsync);
        nodes.MapDelete("/{nodeId}", DrainAsync);
        nodes.MapPost("/{nodeId}/resync", ResyncAsync);
        return routes;
    }

    public static async Task<Results<Created<NodeResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterNodeRequest request, HttpContext http, IAuditLog audit, IGrainFactory grains, IOptions<FrontEndOptions> options)
    {
        var (id, definition) = NodeRequestMapping.ToDefinition(request);
        if (string.IsNullOrEmpty(id))
        {
            return Problems.BadRequest("id is required (like node-eu-1).");
        }
        var grain = grains.GetGrain<INodeGrain>(id);
        var result = await grain.RegisterAsync(definition);
        await NodeAudit.RecordAsync(audit, result, "node.registered", id, AdminRequestActor.Of(http), http.RequestAborted);
        return result switch
        {
            { Outcome: NodeOutcome.Done, Node: { } node } => TypedResults.Created($"/admin/api/nodes/{id}",
                NodeResponse.Of(node, 0, 0) with { Hysteria2AuthHookUrl = NodeResponse.AuthHookUrl(options.Value.AppUrl, id, (await grain.GetAuthHookSecretAsync())!) }),
            _ => Problems.BadRequest(result.Error ?? "The node could not be registered."),
        };
    }

    public static async Task<Ok<IReadOnlyList<NodeResponse>>> ListAsync(INodeDirectory directory, CancellationToken cancellationToken)
    {
        var nodes = await directory.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<NodeResponse>>([.. nodes.Select(n => NodeResponse.Of(n.Node, n.ActiveUsers, n.Load))]);
    }

    public static async Task<Results<Ok<NodeResponse>, ProblemHttpResult>> GetAsync(
        string nodeId, INodeDirectory directory, IGrainFactory grains, IOptions<FrontEndOptions> options, CancellationToken cancellationToken)
    {
        var node = (await directory.ListAsync(cancellationToken)).FirstOrDefault(n => n.Node.NodeId == nodeId);
        if (node is null)
        {
            return Problems.NotFound($"There is no node '{nodeId}'.");
        }
        var secret = await grains.GetGrain<INodeGrain>(nodeId).GetAuthHookSecretAsync();
        return TypedResults.Ok(NodeResponse.Of(node.Node, node.ActiveUsers, node.Load) with
        {
            Hysteria2AuthHookUrl = secret is null ? null : NodeResponse.AuthHookUrl(options.Value.AppUrl, nodeId, secret),
        });
    }

    public static async Task<Results<Accepted<NodeResponse>, ProblemHttpResult>> DrainAsync(string nodeId, HttpContext http, IAuditLog audit, IGrainFactory grains)
    {
        var result = await grains.GetGrain<INodeGrain>(nodeId).DrainAsync();
        await NodeAudit.RecordAsync(audit, result, "node.drain_requested", nodeId, AdminRequestActor.Of(http), http.RequestAborted);
        return result.Node is { } node
            ? TypedResults.Accepted($"/admin/api/nodes/{nodeId}", NodeResponse.Of(node, 0, 0))
            : Problems.NotFound($"There is no node '{nodeId}'.");
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ResyncAsync(string nodeId, HttpContext http, IAuditLog audit, IGrainFactory grains)
    {
        var result = await grains.GetGrain<INodeGrain>(nodeId).RequestResyncAsync();
        await NodeAudit.RecordAsync(audit, result, "node.resync_requested", nodeId, AdminRequestActor.Of(http), http.RequestAborted);
        return result.Outcome == NodeOutcome.Done ? TypedResults.Accepted($"/admin/api/nodes/{nodeId}") : Problems.NotFound($"There is no node '{nodeId}'.");
    }
}
