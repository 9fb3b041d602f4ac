using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Contracts.Admin;

/// <summary>One change a bulk job applies to each user: extend by <paramref name="Days"/>, disable (with a reason), enable, reset traffic.</summary>
public sealed record BulkAction(BulkActionKind Kind, int? Days = null, string? Reason = null)
{
    public const int MaxDays = 36_500;
    public const int MaxReasonLength = 500;

    /// <summary>A sentence saying what is wrong, or null when the action can run.</summary>
    public string? Validate() => this switch
    {
        _ when !Enum.IsDefined(Kind) => "The action must be extend, disable, enable or reset_traffic.",
        { Kind: BulkActionKind.Extend, Days: null } => "days is required to extend.",
        { Kind: BulkActionKind.Extend, Days: < 1 or > MaxDays } => $"days must be between 1 and {MaxDays}.",
        { Reason.Length: > MaxReasonLength } => $"reason may be at most {MaxReasonLength} characters.",
        _ => null,
    };

    public UserAction ToUserAction() => Kind switch
    {
        BulkActionKind.Extend => new UserAction.Extend(Days ?? 0),
        BulkActionKind.Disable => new UserAction.Disable(Reason),
        BulkActionKind.Enable => new UserAction.Enable(),
        BulkActionKind.ResetTraffic => new UserAction.ResetTraffic(),
        _ => throw new InvalidOperationException($"Unknown bulk action {Kind}."),
    };
}
