using AnomalyConnect.Contracts.Corporate;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// The config request grain's state. <see cref="ExpiresAt"/> is the deadline of the current step: the decision while
/// pending, then the fetch of the config once approved.
/// </summary>
internal sealed class ConfigRequestEntry
{
    public required string UserId { get; set; }

    public long TelegramId { get; set; }

    public required string Channel { get; set; }

    public ConfigRequestState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
