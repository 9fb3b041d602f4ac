using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AnomalyConnect.Integrations.Hysteria2;

/// <summary>
/// Client of Hysteria2's traffic stats API (<c>trafficStats: {listen, secret}</c>): the secret goes as the bare
/// <c>Authorization</c> header value. Counters are read without <c>?clear</c>, so a lost reply loses nothing.
/// Failures are <see cref="HttpRequestException"/> (with <see cref="HttpRequestException.StatusCode"/> when the server
/// answered, e.g. 401 for a wrong secret); the secret never appears in a message.
/// </summary>
public sealed class Hysteria2StatsClient(HttpClient http)
{
    /// <summary>Every connected-or-seen client id → cumulative bytes.</summary>
    public async Task<IReadOnlyDictionary<string, Hysteria2Traffic>> GetTrafficAsync(Uri statsUrl, string secret, CancellationToken ct)
    {
        using var document = await GetJsonAsync(statsUrl, secret, "traffic", ct);
        var traffic = new Dictionary<string, Hysteria2Traffic>(StringComparer.Ordinal);
        foreach (var client in RootObject(document, "traffic").EnumerateObject())
        {
            if (client.Value.ValueKind != JsonValueKind.Object)
            {
                throw Unreadable("traffic", null);
            }
            traffic[client.Name] = new Hysteria2Traffic(Counter(client.Value, "tx"), Counter(client.Value, "rx"));
        }
        return traffic;
    }

    /// <summary>Drops the given clients' connections now (they come back only if the auth hook accepts them again).</summary>
    public async Task KickAsync(Uri statsUrl, string secret, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }
        using var request = Request(HttpMethod.Post, statsUrl, secret, "kick");
        request.Content = JsonContent.Create(ids);
        using var response = await http.SendAsync(request, ct);
        EnsureSuccess(response, "kick");
    }

    /// <summary>Online client id → number of its connected devices.</summary>
    public async Task<IReadOnlyDictionary<string, int>> GetOnlineAsync(Uri statsUrl, string secret, CancellationToken ct)
    {
        using var document = await GetJsonAsync(statsUrl, secret, "online", ct);
        var online = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var client in RootObject(document, "online").EnumerateObject())
        {
            if (client.Value.ValueKind != JsonValueKind.Number || !client.Value.TryGetInt32(out var devices))
            {
                throw Unreadable("online", null);
            }
            online[client.Name] = devices;
        }
        return online;
    }

    private async Task<JsonDocument> GetJsonAsync(Uri statsUrl, string secret, string resource, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, statsUrl, secret, resource);
        using var response = await http.SendAsync(request, ct);
        EnsureSuccess(response, resource);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw Unreadable(resource, e);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri statsUrl, string secret, string resource)
    {
        ArgumentNullException.ThrowIfNull(statsUrl);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!statsUrl.IsAbsoluteUri || (statsUrl.Scheme != Uri.UriSchemeHttp && statsUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The Hysteria2 stats URL must be an absolute http:// or https:// URL.", nameof(statsUrl));
        }
        var request = new HttpRequestMessage(method, new Uri(statsUrl, statsUrl.AbsolutePath.TrimEnd('/') + "/" + resource));
        // Hysteria2 compares the whole header value with the secret: no "Bearer" scheme.
        if (!request.Headers.TryAddWithoutValidation("Authorization", secret))
        {
            request.Dispose();
            throw new ArgumentException("The Hysteria2 stats secret is not a valid header value.", nameof(secret));
        }
        return request;
    }

    private static void EnsureSuccess(HttpResponseMessage response, string resource)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var why = response.StatusCode == HttpStatusCode.Unauthorized ? " (the stats secret was rejected)" : string.Empty;
        throw new HttpRequestException(
            $"Hysteria2 stats API /{resource} answered HTTP {(int)response.StatusCode}{why}.", null, response.StatusCode);
    }

    private static JsonElement RootObject(JsonDocument document, string resource) =>
        document.RootElement.ValueKind switch
        {
            JsonValueKind.Object => document.RootElement,
            _ => throw Unreadable(resource, null),
        };

    private static long Counter(JsonElement client, string name) =>
        !client.TryGetProperty(name, out var value) ? 0
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var bytes) ? bytes
        : throw Unreadable("traffic", null);

    private static HttpRequestException Unreadable(string resource, Exception? inner) =>
        new($"Hysteria2 stats API /{resource} answered something that is not its documented JSON.", inner);
}
