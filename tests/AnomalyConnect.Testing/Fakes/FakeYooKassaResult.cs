using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>An API answer: an object (200) or YooKassa's error body <c>{type: error, id, code, description, parameter}</c>.</summary>
internal sealed record FakeYooKassaResult(int StatusCode, JsonObject Body)
{
    public static FakeYooKassaResult Ok(JsonObject body) => new(200, body);

    public static FakeYooKassaResult Error(int status, string code, string description, string? parameter = null)
    {
        var body = new JsonObject
        {
            ["type"] = "error",
            ["id"] = Guid.NewGuid().ToString(),
            ["code"] = code,
            ["description"] = description,
        };
        if (parameter is not null)
        {
            body["parameter"] = parameter;
        }
        return new FakeYooKassaResult(status, body);
    }

    public static FakeYooKassaResult Invalid(string description, string? parameter = null) =>
        Error(400, "invalid_request", description, parameter);

    public static FakeYooKassaResult NotFound(string what) =>
        Error(404, "not_found", $"{what} doesn't exist or access denied");
}
