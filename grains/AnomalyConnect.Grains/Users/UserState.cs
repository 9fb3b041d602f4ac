using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Users;

/// <summary>The user grain's state. Used traffic lives beside it in <c>user_traffic</c>, written in the same turns.</summary>
internal sealed class UserState
{
    public UserStatus Status { get; set; }

    public bool Disabled { get; set; }

    public string? DisabledReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public int? OnHoldDays { get; set; }

    public long? TrafficLimitBytes { get; set; }

    public TrafficResetStrategy ResetStrategy { get; set; }

    public DateTimeOffset? LastTrafficResetAt { get; set; }

    public required string VlessUuid { get; set; }

    public required string Hysteria2Auth { get; set; }

    public required string SubscriptionToken { get; set; }

    public List<UserPlacement> Placements { get; set; } = [];

    public string? Region { get; set; }

    public long? TelegramId { get; set; }

    public string? Username { get; set; }

    public string? EmployeeId { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public string? Note { get; set; }

    public int? DeviceLimit { get; set; }

    public bool TrialUsed { get; set; }

    /// <summary>Payments already applied to this user; a payment id here is never applied again.</summary>
    public List<string> AppliedPaymentIds { get; set; } = [];

    /// <summary>Usage warnings already sent for the current traffic period (80, 100).</summary>
    public List<int> UsageWarningsSent { get; set; } = [];
}
