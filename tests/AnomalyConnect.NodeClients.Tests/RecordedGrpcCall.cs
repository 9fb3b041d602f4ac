namespace AnomalyConnect.NodeClients.Tests;

/// <summary>One request a fake gRPC server received.</summary>
internal sealed record RecordedGrpcCall(string Path, string? ContentType, string? Te, string Protocol, byte[] Message);
