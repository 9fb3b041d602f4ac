namespace AnomalyConnect.Contracts.Subscriptions;

/// <summary>A device that holds one of the user's slots.</summary>
public sealed record UserDevice(
    string Hwid,
    string? Os,
    string? Model,
    string? App,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string? LastAddress);
