using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>One API request the fake YooKassa received, as sent, and the status it answered (0: left hanging).</summary>
public sealed record FakeYooKassaRequest(
    string Method,
    string Path,
    string? Authorization,
    string? IdempotenceKey,
    string RawBody,
    JsonNode? Body,
    int StatusCode);
