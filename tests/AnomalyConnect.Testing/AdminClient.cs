using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing;

/// <summary>The admin API over real HTTP, with the admin token and snake_case JSON.</summary>
public sealed class AdminClient(Uri baseAddress) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient http = new()
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", SiloProcess.AdminToken) },
    };

    public HttpClient Http => http;

    public async Task<JsonObject> PostAsync(string path, object? body = null)
    {
        var response = await http.PostAsJsonAsync(path, body ?? new { }, Json);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {path} → {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} → {(int)response.StatusCode}: {text}");
        }
        return JsonNode.Parse(text)!;
    }

    public void Dispose() => http.Dispose();
}
