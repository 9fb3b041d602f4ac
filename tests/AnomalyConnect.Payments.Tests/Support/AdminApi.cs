using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomalyConnect.Payments.Tests.Support;

/// <summary>The admin API and the webhooks over real HTTP, with snake_case JSON.</summary>
internal sealed class AdminApi(Uri baseAddress) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient http = new()
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", PaymentsSiloProcess.AdminToken) },
    };

    public HttpClient Http => http;

    public async Task<JsonObject> PostAsync(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.PostAsJsonAsync(path, body ?? new { }, Json);
        return await ReadAsync(response, $"POST {path}", expected);
    }

    public async Task<JsonObject> PutAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.PutAsJsonAsync(path, body, Json);
        return await ReadAsync(response, $"PUT {path}", expected);
    }

    public async Task<JsonObject> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await http.GetAsync(path), $"GET {path}", expected);

    /// <summary>A raw POST without the admin token, as YooKassa sends notifications.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/yookassa")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        return await http.SendAsync(request);
    }

    public Task<JsonObject> CreateUserAsync(long? telegramId = null) =>
        PostAsync("/admin/api/users", new { days = (int?)null, telegram_id = telegramId }, HttpStatusCode.Created);

    public Task<JsonObject> CreateTariffAsync(int days = 30, decimal priceRub = 199m, int priceStars = 100, long? trafficLimitBytes = null, int? deviceLimit = null) =>
        PostAsync("/admin/api/tariffs", new
        {
            title = $"{days} days",
            days,
            price_rub = priceRub,
            price_stars = priceStars,
            traffic_limit_bytes = trafficLimitBytes,
            device_limit = deviceLimit,
        }, HttpStatusCode.Created);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string what, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{what} → {(int)response.StatusCode} (expected {(int)expected}): {text}");
        }
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public void Dispose() => http.Dispose();
}
