namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>Traffic and validity as client apps show them. <see cref="TotalBytes"/> 0 means unlimited.</summary>
public sealed record SubscriptionUsage(long UploadBytes, long DownloadBytes, long TotalBytes, DateTimeOffset? ExpiresAt)
{
    public static SubscriptionUsage Unlimited { get; } = new(0, 0, 0, null);

    public long UsedBytes => UploadBytes + DownloadBytes;
}
