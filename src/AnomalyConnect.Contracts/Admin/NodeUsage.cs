namespace AnomalyConnect.Contracts.Admin;

/// <summary>A user's traffic on one node since the last reset.</summary>
public sealed record NodeUsage(string NodeId, long UploadBytes, long DownloadBytes);
