using System.Net;
using System.Text;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Subscriptions.Tests.Support;

/// <summary>Fetches subscriptions the way client apps do: a User-Agent, and device headers when the app sends them.</summary>
internal sealed class SubscriptionClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Uri BaseAddress => baseAddress;

    public async Task<HttpResponseMessage> FetchAsync(
        string token, string? format = null, string? userAgent = "v2rayNG/1.9.16", string? hwid = null,
        string? os = null, string? model = null, HttpMethod? method = null)
    {
        var path = $"/sub/{token}" + (format is null ? "" : $"?format={Uri.EscapeDataString(format)}");
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
        AddIfPresent(request, "x-hwid", hwid);
        AddIfPresent(request, "x-device-os", os);
        AddIfPresent(request, "x-device-model", model);
        return await http.SendAsync(request);
    }

    /// <summary>The links of a base64 subscription, parsed as an app parses them.</summary>
    public async Task<IReadOnlyList<ShareLink>> FetchLinksAsync(string token, string? hwid = null)
    {
        using var response = await FetchAsync(token, format: "base64", hwid: hwid);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ParseBase64(await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> InfoAsync(string token) => http.GetAsync($"/sub/{token}/info");

    public static IReadOnlyList<ShareLink> ParseBase64(string body) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(body.Trim()))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => ShareLink.TryParse(line, out var link) ? link : throw new InvalidDataException($"Not a link: {line}"))
            .ToList();

    public void Dispose() => http.Dispose();

    private static void AddIfPresent(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
