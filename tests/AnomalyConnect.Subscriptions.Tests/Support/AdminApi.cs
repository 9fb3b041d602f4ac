using AnomalyConnect.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AnomalyConnect.Subscriptions.Tests.Support;

/// <summary>The admin API of a running silo, as an operator calls it.</summary>
internal sealed class AdminApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        BaseAddress = baseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", SiloProcess.AdminToken) },
        Timeout = TimeSpan.FromSeconds(30),
    };

    public HttpClient Http => http;

    public async Task RegisterNodeAsync(object node)
    {
        using var response = await http.PostAsJsonAsync("/admin/api/nodes", node);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /admin/api/nodes: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Creates a user and returns it as the admin API shows it.</summary>
    public async Task<TestUser> CreateUserAsync(object user)
    {
        using var response = await http.PostAsJsonAsync("/admin/api/users", user);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /admin/api/users: {(int)response.StatusCode} {body}");
        return TestUser.From(JsonDocument.Parse(body).RootElement);
    }

    public async Task<JsonElement> GetUserAsync(string userId) =>
        JsonDocument.Parse(await http.GetStringAsync($"/admin/api/users/{userId}")).RootElement;

    public async Task<TestUser> ActAsync(string userId, string action)
    {
        using var response = await http.PostAsync($"/admin/api/users/{userId}/{action}", JsonContent.Create(new { }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {action}: {(int)response.StatusCode} {body}");
        return TestUser.From(JsonDocument.Parse(body).RootElement);
    }

    public async Task<JsonElement> GetDevicesAsync(string userId) =>
        JsonDocument.Parse(await http.GetStringAsync($"/admin/api/users/{userId}/devices")).RootElement;

    public async Task<JsonElement> GetFetchesAsync(string userId) =>
        JsonDocument.Parse(await http.GetStringAsync($"/admin/api/users/{userId}/subscription-fetches")).RootElement;

    public Task<HttpResponseMessage> DeleteDeviceAsync(string userId, string hwid) =>
        http.DeleteAsync($"/admin/api/users/{userId}/devices/{Uri.EscapeDataString(hwid)}");

    public void Dispose() => http.Dispose();
}

/// <summary>A user as the admin API returned it, with its subscription token.</summary>
internal sealed record TestUser(string UserId, string SubscriptionUrl, IReadOnlyDictionary<string, string> Nodes, JsonElement Json)
{
    public string Token => SubscriptionUrl[(SubscriptionUrl.LastIndexOf('/') + 1)..];

    /// <summary>Placed node per protocol ("vless", "hysteria2").</summary>
    public static TestUser From(JsonElement json) => new(
        json.GetProperty("user_id").GetString()!,
        json.GetProperty("subscription_url").GetString()!,
        json.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("protocol").GetString()!, n => n.GetProperty("node_id").GetString()!),
        json.Clone());
}
