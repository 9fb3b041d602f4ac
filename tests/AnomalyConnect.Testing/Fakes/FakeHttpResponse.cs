using System.Text;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>What a <see cref="FakeHttpServer"/> handler answers.</summary>
public sealed record FakeHttpResponse(
    int StatusCode,
    byte[] Body,
    string? ContentType = "application/json",
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeHttpResponse Json(int statusCode, JsonNode body) =>
        new(statusCode, Encoding.UTF8.GetBytes(body.ToJsonString()));

    public static FakeHttpResponse Text(int statusCode, string text) =>
        new(statusCode, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

    public static FakeHttpResponse Redirect(string location) =>
        new(302, [], null, new Dictionary<string, string> { ["Location"] = location });
}
