namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>A request as a loopback backend received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
