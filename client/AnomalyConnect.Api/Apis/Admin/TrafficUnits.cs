namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>GB in requests means GiB (1024³ bytes), as every panel in this field shows traffic.</summary>
public static class TrafficUnits
{
    public const long BytesPerGb = 1024L * 1024 * 1024;

    /// <summary>The limit in bytes from either field; an error sentence when both or a bad number are given.</summary>
    public static (long? Bytes, string? Error) LimitFrom(long? bytes, double? gigabytes)
    {
        if (bytes is not null && gigabytes is not null)
        {
            return (null, "Give traffic_limit_bytes or traffic_limit_gb, not both.");
        }
        if (gigabytes is { } gb)
        {
            return gb is < 0 or > 1_000_000_000 || double.IsNaN(gb)
                ? (null, "traffic_limit_gb must be between 0 and 1,000,000,000.")
                : ((long)Math.Round(gb * BytesPerGb), null);
        }
        return bytes is < 0 ? (null, "traffic_limit_bytes cannot be negative.") : (bytes, null);
    }
}
