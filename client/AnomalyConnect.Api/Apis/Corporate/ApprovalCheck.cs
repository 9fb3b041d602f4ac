using Microsoft.AspNetCore.Http.HttpResults;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>What the second factor says about a config fetch: go ahead, still pending (202), or refused.</summary>
public sealed record ApprovalCheck(PendingConfigResponse? Pending, ProblemHttpResult? Refusal, string? RequestId)
{
    public static ApprovalCheck Allowed(string? requestId) => new(null, null, requestId);
}
