using System.Net;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>A request a <see cref="FakeHttpServer"/> received, read in full.</summary>
public sealed record FakeHttpRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body,
    IPEndPoint? RemoteEndPoint)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
