using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis;

/// <summary>
/// Hysteria2's HTTP auth hook: <c>POST /hysteria/auth/{node_id}?secret=…</c> with <c>{addr, auth, tx}</c> →
/// <c>{ok, id}</c>. Hysteria2 cannot send headers of its own, so the node's secret travels in the URL it is
/// configured with. A wrong secret is 401; a user not allowed on this node is 200 with ok false.
/// </summary>
public static class HysteriaAuthApi
{
    public static IEndpointRouteBuilder MapHysteriaAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/hysteria/auth/{nodeId}", AuthorizeAsync);
        return routes;
    }

    public static async Task<Results<Ok<HysteriaAuthResponse>, ProblemHttpResult>> AuthorizeAsync(
        string nodeId, string? secret, HysteriaAuthRequest request, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return TypedResults.Problem(title: "Unauthorized", detail: "The node's auth-hook secret is missing.", statusCode: StatusCodes.Status401Unauthorized);
        }
        if (string.IsNullOrEmpty(request.Auth) || request.Auth.Length > 256)
        {
            return TypedResults.Ok(new HysteriaAuthResponse(false, ""));
        }
        var decision = await grains.GetGrain<INodeGrain>(nodeId).AuthorizeHysteria2Async(secret, request.Auth);
        if (!decision.SecretValid)
        {
            return TypedResults.Problem(title: "Unauthorized", detail: "The node's auth-hook secret is wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }
        return TypedResults.Ok(new HysteriaAuthResponse(decision.Allowed, decision.UserId ?? ""));
    }
}

public sealed record HysteriaAuthRequest(string? Addr, string? Auth, long? Tx);

public sealed record HysteriaAuthResponse(bool Ok, string Id);
