namespace AnomalyConnect.Contracts.Users;

/// <summary>A change an operator, a payment or a timer makes to a user.</summary>
public abstract record UserAction
{
    private UserAction()
    {
    }

    /// <summary>Adds days to the term: from the current expiry if it is still ahead, else from now.</summary>
    public sealed record Extend(int Days) : UserAction;

    /// <summary>Sets the expiry outright; null removes it.</summary>
    public sealed record SetExpiry(DateTimeOffset? ExpiresAt) : UserAction;

    /// <summary>Sets the traffic limit; null removes it.</summary>
    public sealed record SetTrafficLimit(long? Bytes) : UserAction;

    public sealed record SetResetStrategy(TrafficResetStrategy Strategy) : UserAction;

    public sealed record ResetTraffic : UserAction;

    public sealed record Disable(string? Reason) : UserAction;

    public sealed record Enable : UserAction;

    /// <summary>New subscription token and credentials; the old ones stop working on every node.</summary>
    public sealed record RevokeSubscription : UserAction;

    /// <summary>Moves the user's placements off a node that failed or is being drained.</summary>
    public sealed record MoveOffNode(string NodeId) : UserAction;

    /// <summary>The one free trial: that many days of access, refused (Invalid) if the user had a trial before.</summary>
    public sealed record StartTrial(int Days) : UserAction;

    /// <summary>Places the user on a node for every protocol it has no node for (after nodes came up).</summary>
    public sealed record EnsurePlaced : UserAction;

    /// <summary>Sets or clears the links to Telegram and the corporate registry.</summary>
    public sealed record SetIdentity(long? TelegramId, string? Username, string? EmployeeId, string? DisplayName, string? Email) : UserAction;

    public sealed record SetDeviceLimit(int? Limit) : UserAction;

    /// <summary>
    /// What a paid tariff grants, applied at most once per payment id: the user records the ids it applied, so a
    /// repeated or concurrent success changes nothing (outcome Unchanged).
    /// </summary>
    public sealed record ApplyPayment(string PaymentId, int Days, long? TrafficLimitBytes, int? DeviceLimit, bool ResetUsage) : UserAction;
}
