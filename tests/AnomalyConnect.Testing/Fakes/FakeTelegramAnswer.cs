using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>What the fake Bot API answers: <c>{ok: true, result}</c> or <c>{ok: false, error_code, description, parameters}</c>.</summary>
internal sealed record FakeTelegramAnswer(int StatusCode, JsonNode? Result, string? Description, JsonObject? ErrorParameters)
{
    public static FakeTelegramAnswer Ok(JsonNode? result) => new(200, result, null, null);

    public static FakeTelegramAnswer Error(int code, string description, JsonObject? parameters = null) =>
        new(code, null, description, parameters);

    public static FakeTelegramAnswer BadRequest(string what) => Error(400, "Bad Request: " + what);

    public static FakeTelegramAnswer NotFound() => Error(404, "Not Found");

    public JsonObject Body()
    {
        if (StatusCode == 200)
        {
            return new JsonObject { ["ok"] = true, ["result"] = Result?.DeepClone() };
        }
        var body = new JsonObject { ["ok"] = false, ["error_code"] = StatusCode, ["description"] = Description };
        if (ErrorParameters is not null)
        {
            body["parameters"] = ErrorParameters.DeepClone();
        }
        return body;
    }
}
