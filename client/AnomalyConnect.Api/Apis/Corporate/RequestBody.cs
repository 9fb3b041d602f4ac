using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// Reads a request body by hand, at most <see cref="MaxBytes"/>: the corporate endpoints authenticate before reading
/// (and the HR webhook must verify the raw bytes before parsing), so they cannot let the framework bind it first.
/// </summary>
public static class RequestBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The raw bytes, or null when the body is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The body as <typeparamref name="T"/> with the front end's JSON rules (snake_case, unknown fields refused), or a sentence.</summary>
    public static (T? Value, string? Error) Parse<T>(byte[] body, JsonSerializerOptions json) where T : class
    {
        if (body.Length == 0)
        {
            return (null, "The request needs a JSON object as its body.");
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, json);
            return value is null ? (null, "The request needs a JSON object as its body.") : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, $"The JSON body could not be read: {exception.Message.Split(" Path:")[0]}{PathOf(exception)}");
        }
    }

    private static string PathOf(JsonException exception) => exception.Path is { Length: > 0 } path ? $" (at {path})" : "";
}
