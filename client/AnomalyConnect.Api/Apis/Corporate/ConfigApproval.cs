using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// With CORPORATE_CONFIG_REQUIRES_APPROVAL: a fetch without <c>request_id</c> opens a request (approved or denied in
/// Telegram by the linked account) and answers 202; a fetch with it answers 202 while pending, goes ahead once approved
/// (for the approval's 5 minutes), and is refused (403) when denied or expired.
/// </summary>
public static class ConfigApproval
{
    public const string Channel = "http";

    public static async Task<ApprovalCheck> CheckAsync(UserView user, string? requestId, ICorporateAccess access, Actor actor, CancellationToken cancellationToken)
    {
        if (requestId is null)
        {
            if (user.TelegramId is null)
            {
                return Refused("The config needs approval in Telegram, and this user has not linked a Telegram account yet (activation code).");
            }
            if (!user.IsActive)
            {
                return Refused("The user's access is not active.");
            }
            return await access.RequestConfigAsync(user.UserId, Channel, actor, cancellationToken) is { } opened
                ? new ApprovalCheck(Pending(opened), null, opened.RequestId)
                : Refused("A config request could not be opened for this user.");
        }
        var request = await access.GetRequestAsync(requestId, cancellationToken);
        if (request is null || request.UserId != user.UserId)
        {
            return new ApprovalCheck(null, Problems.NotFound($"There is no config request '{requestId}' for user '{user.UserId}'."), requestId);
        }
        return request.State switch
        {
            ConfigRequestState.Pending => new ApprovalCheck(Pending(request), null, requestId),
            ConfigRequestState.Approved => ApprovalCheck.Allowed(requestId),
            ConfigRequestState.Denied => Refused("The config request was denied in Telegram."),
            _ => Refused("The config request expired; open a new one."),
        };
    }

    private static PendingConfigResponse Pending(ConfigRequest request) => new(request.RequestId, "pending", request.ExpiresAt);

    private static ApprovalCheck Refused(string detail) => new(null, CorporateProblems.Forbidden(detail), null);
}
