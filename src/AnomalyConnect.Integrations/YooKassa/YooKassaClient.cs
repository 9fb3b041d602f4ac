using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>
/// A typed client of the YooKassa API v3 with HTTP Basic authentication (shop id : secret key). Creating a payment or a
/// refund takes an idempotence key: repeating a request with the same key returns the first result instead of acting
/// twice, so a caller retries a failed or timed-out create with the same key. Failures YooKassa reports are
/// <see cref="YooKassaApiException"/>; transport failures stay <see cref="HttpRequestException"/> /
/// <see cref="TaskCanceledException"/>. It does not retry by itself.
/// </summary>
public sealed class YooKassaClient
{
    /// <summary>YooKassa's limit on the <c>Idempotence-Key</c> header.</summary>
    public const int MaxIdempotenceKeyLength = 64;

    private readonly HttpClient http;
    private readonly string baseUrl;
    private readonly string secretKey;
    private readonly AuthenticationHeaderValue authorization;

    public YooKassaClient(HttpClient http, YooKassaOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ShopId) || options.ShopId.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The YooKassa shop id is empty or contains ':'.", nameof(options));
        }
        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            throw new ArgumentException("The YooKassa secret key is empty.", nameof(options));
        }
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The YooKassa base URL must be an absolute http:// or https:// URL.", nameof(options));
        }
        this.http = http;
        baseUrl = url.AbsoluteUri.TrimEnd('/');
        secretKey = options.SecretKey;
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ShopId + ":" + options.SecretKey));
        authorization = new AuthenticationHeaderValue("Basic", credentials);
    }

    public Task<Payment> CreatePaymentAsync(CreatePaymentRequest request, string idempotenceKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Amount);
        if (!request.Amount.IsValidToCharge)
        {
            throw new ArgumentException("The amount must be positive with at most two decimals and a 3-letter currency.", nameof(request));
        }
        ValidateIdempotenceKey(idempotenceKey);
        return SendAsync<Payment>(HttpMethod.Post, "/v3/payments", request, idempotenceKey, ct);
    }

    public Task<Payment> GetPaymentAsync(string paymentId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        return SendAsync<Payment>(HttpMethod.Get, "/v3/payments/" + Uri.EscapeDataString(paymentId), null, null, ct);
    }

    public Task<Refund> CreateRefundAsync(
        string paymentId,
        Amount amount,
        string idempotenceKey,
        string? description = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        ArgumentNullException.ThrowIfNull(amount);
        if (!amount.IsValidToCharge)
        {
            throw new ArgumentException("The amount must be positive with at most two decimals and a 3-letter currency.", nameof(amount));
        }
        ValidateIdempotenceKey(idempotenceKey);
        var request = new CreateRefundRequest(paymentId, amount, description);
        return SendAsync<Refund>(HttpMethod.Post, "/v3/refunds", request, idempotenceKey, ct);
    }

    public Task<Refund> GetRefundAsync(string refundId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        return SendAsync<Refund>(HttpMethod.Get, "/v3/refunds/" + Uri.EscapeDataString(refundId), null, null, ct);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotenceKey, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(method, baseUrl + path);
        request.Headers.Authorization = authorization;
        if (idempotenceKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotence-Key", idempotenceKey);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), YooKassaJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var content = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Failure(response.StatusCode, content);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(content, YooKassaJson.Options)
                ?? throw new JsonException("An empty body.");
        }
        catch (JsonException e)
        {
            throw new YooKassaApiException(response.StatusCode, "unreadable_response", "The answer is not the documented JSON: " + e.Message);
        }
    }

    private YooKassaApiException Failure(HttpStatusCode status, byte[] content)
    {
        YooKassaError? error = null;
        try
        {
            error = content.Length == 0 ? null : JsonSerializer.Deserialize<YooKassaError>(content, YooKassaJson.Options);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or a cut-off body: the status alone says what happened.
        }
        var retryAfter = error?.RetryAfter is { } milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : (TimeSpan?)null;
        return new YooKassaApiException(
            status,
            error?.Code ?? error?.Type,
            Scrub(error?.Description),
            error?.Parameter,
            retryAfter);
    }

    private string? Scrub(string? text) => text?.Replace(secretKey, "<secret>", StringComparison.Ordinal);

    private static void ValidateIdempotenceKey(string idempotenceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotenceKey);
        if (idempotenceKey.Length > MaxIdempotenceKeyLength || idempotenceKey.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException(
                $"An idempotence key is 1–{MaxIdempotenceKeyLength} printable ASCII characters.", nameof(idempotenceKey));
        }
    }
}
