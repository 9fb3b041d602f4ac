using AnomalyConnect.Contracts.Corporate;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// The employee grain's state: the id's place in the registry, the user holding its access, and the current
/// activation code, kept only as a SHA-256 hash (the code itself is handed out once and never stored).
/// </summary>
internal sealed class EmployeeState
{
    public RegistryState Registry { get; set; }

    public string? UserId { get; set; }

    /// <summary>Whether access is granted (false after a deactivation until a grant or reinstatement).</summary>
    public bool AccessEnabled { get; set; }

    public string? FullName { get; set; }

    public string? Email { get; set; }

    public long? TelegramId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the newest HR event applied to this id occurred; older events change nothing.</summary>
    public DateTimeOffset? LastEventAt { get; set; }

    public string? ActivationCodeHash { get; set; }

    public DateTimeOffset? ActivationCodeExpiresAt { get; set; }

    public DateTimeOffset? ActivationCodeUsedAt { get; set; }

    public static EmployeeState New(DateTimeOffset now) => new() { CreatedAt = now, UpdatedAt = now };

    /// <summary>Records a change at <paramref name="now"/>, and the time of the event that caused it, if any.</summary>
    public void Touch(DateTimeOffset now, DateTimeOffset? occurredAt)
    {
        UpdatedAt = now;
        if (occurredAt is { } at && (LastEventAt is null || at > LastEventAt))
        {
            LastEventAt = at;
        }
    }
}
