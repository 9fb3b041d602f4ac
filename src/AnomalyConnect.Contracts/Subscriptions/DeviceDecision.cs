namespace AnomalyConnect.Contracts.Subscriptions;

/// <summary>Whether a fetch's device may have working links.</summary>
public enum DeviceDecision
{
    /// <summary>A known device, or a new one that took a free slot.</summary>
    Allowed,

    /// <summary>A new device while every slot is taken.</summary>
    OverLimit,

    /// <summary>The app sent no hardware id, so it cannot be counted; it gets links.</summary>
    NoDevice,
}
