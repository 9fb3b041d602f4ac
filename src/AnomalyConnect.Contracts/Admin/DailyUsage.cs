namespace AnomalyConnect.Contracts.Admin;

/// <summary>A user's traffic on one UTC day.</summary>
public sealed record DailyUsage(DateOnly Day, long UploadBytes, long DownloadBytes);
