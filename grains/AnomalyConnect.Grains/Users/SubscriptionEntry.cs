using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Users;

/// <summary>
/// What <see cref="SubscriptionReadModel"/> keeps of one user: only the fields a subscription shows, with the VLESS
/// UUID as a <see cref="Guid"/>, the Hysteria2 secret packed and no credentials record. A value, kept inline in the
/// read model's slots: about 200 bytes a user and no object of its own, where a <see cref="UserView"/> with its
/// credentials took about 400 in four objects; a fetch builds its <see cref="UserView"/> from it, a short-lived object.
/// </summary>
internal readonly struct SubscriptionEntry
{
    private readonly Guid vlessUuid;

    /// <summary>The UUID as the state holds it when it is not the canonical form <see cref="Guid.ToString()"/> gives.</summary>
    private readonly string? vlessUuidText;

    private readonly PackedText hysteria2Auth;
    private readonly UserStatus status;
    private readonly TrafficResetStrategy resetStrategy;
    private readonly DateTimeOffset createdAt;
    private readonly DateTimeOffset? expiresAt;
    private readonly int? onHoldDays;
    private readonly int? deviceLimit;
    private readonly long? trafficLimitBytes;
    private readonly string? disabledReason;

    public SubscriptionEntry(string userId, UserState state, IReadOnlyList<UserPlacement> placements, long uploadBytes, long downloadBytes)
    {
        UserId = userId;
        Placements = placements;
        UsedUploadBytes = uploadBytes;
        UsedDownloadBytes = downloadBytes;
        if (!(Guid.TryParseExact(state.VlessUuid, "D", out vlessUuid) && string.Equals(vlessUuid.ToString(), state.VlessUuid, StringComparison.Ordinal)))
        {
            vlessUuidText = state.VlessUuid;
        }
        hysteria2Auth = PackedText.Of(state.Hysteria2Auth);
        status = state.Status;
        resetStrategy = state.ResetStrategy;
        createdAt = state.CreatedAt;
        expiresAt = state.ExpiresAt;
        onHoldDays = state.OnHoldDays;
        deviceLimit = state.DeviceLimit;
        trafficLimitBytes = state.TrafficLimitBytes;
        disabledReason = state.DisabledReason;
    }

    private SubscriptionEntry(in SubscriptionEntry entry, long uploadBytes, long downloadBytes)
    {
        UserId = entry.UserId;
        Placements = entry.Placements;
        UsedUploadBytes = uploadBytes;
        UsedDownloadBytes = downloadBytes;
        vlessUuid = entry.vlessUuid;
        vlessUuidText = entry.vlessUuidText;
        hysteria2Auth = entry.hysteria2Auth;
        status = entry.status;
        resetStrategy = entry.resetStrategy;
        createdAt = entry.createdAt;
        expiresAt = entry.expiresAt;
        onHoldDays = entry.onHoldDays;
        deviceLimit = entry.deviceLimit;
        trafficLimitBytes = entry.trafficLimitBytes;
        disabledReason = entry.disabledReason;
    }

    public string UserId { get; }

    public IReadOnlyList<UserPlacement> Placements { get; }

    public long UsedUploadBytes { get; }

    public long UsedDownloadBytes { get; }

    /// <summary>The same user with new usage (a notification of <c>user_traffic</c>).</summary>
    public SubscriptionEntry WithUsage(long uploadBytes, long downloadBytes) => new(this, uploadBytes, downloadBytes);

    /// <summary>The view a fetch serves; personal details are left out, as <see cref="ISubscriptionUsers"/> promises.</summary>
    public UserView ToView(string token) => new(
        UserId,
        status,
        createdAt,
        expiresAt,
        onHoldDays,
        trafficLimitBytes,
        UsedUploadBytes,
        UsedDownloadBytes,
        resetStrategy,
        Placements,
        new UserCredentials(vlessUuidText ?? vlessUuid.ToString(), hysteria2Auth.ToString(), token),
        TelegramId: null,
        Username: null,
        EmployeeId: null,
        DisplayName: null,
        Email: null,
        disabledReason,
        deviceLimit);
}
