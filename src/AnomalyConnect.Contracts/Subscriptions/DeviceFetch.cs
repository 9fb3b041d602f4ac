namespace AnomalyConnect.Contracts.Subscriptions;

/// <summary>
/// One subscription fetch as the app described itself: <c>x-hwid</c>, <c>x-device-os</c>, <c>x-device-model</c>
/// and its User-Agent. <paramref name="DeviceLimit"/> is the user's limit as just read (null = unlimited).
/// </summary>
public sealed record DeviceFetch(
    string? Hwid,
    string? Os,
    string? Model,
    string? UserAgent,
    string? Address,
    int? DeviceLimit);
