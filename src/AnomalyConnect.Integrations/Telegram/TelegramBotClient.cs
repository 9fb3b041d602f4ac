using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AnomalyConnect.Integrations.Telegram.Requests;

namespace AnomalyConnect.Integrations.Telegram;

/// <summary>
/// A typed client of the Telegram Bot API: <c>POST {BaseUrl}/bot{token}/{method}</c> with a JSON body (multipart for
/// uploads). Every failure Telegram reports is a <see cref="TelegramApiException"/>; transport failures stay
/// <see cref="HttpRequestException"/> / <see cref="TaskCanceledException"/>. It never waits on a 429 itself: the caller
/// decides (an outbox delivery reschedules; an interactive caller can use <see cref="TelegramRetry"/>).
/// For <see cref="GetUpdatesAsync"/> with long polling the <see cref="HttpClient.Timeout"/> must exceed the poll timeout.
/// </summary>
public sealed class TelegramBotClient
{
    private readonly HttpClient http;
    private readonly string token;
    private readonly string methodUrlPrefix;

    public TelegramBotClient(HttpClient http, TelegramBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Token) || options.Token.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '%'))
        {
            // The message must not echo the token, even a malformed one.
            throw new ArgumentException("The bot token is empty or has characters that cannot stand in a URL path.", nameof(options));
        }
        if (options.BaseUrl is not { IsAbsoluteUri: true } baseUrl || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The Bot API base URL must be an absolute http:// or https:// URL.", nameof(options));
        }
        this.http = http;
        token = options.Token;
        methodUrlPrefix = baseUrl.AbsoluteUri.TrimEnd('/') + "/bot" + token + "/";
    }

    public Task<User> GetMeAsync(CancellationToken ct = default) =>
        CallAsync<EmptyRequest, User>("getMe", EmptyRequest.Instance, ct);

    /// <summary>
    /// Updates with ids ≥ <paramref name="offset"/>; asking with an offset confirms (drops) every earlier update.
    /// <paramref name="timeoutSeconds"/> &gt; 0 long-polls: Telegram holds the request until an update arrives.
    /// </summary>
    public async Task<IReadOnlyList<Update>> GetUpdatesAsync(
        long? offset = null,
        int? limit = null,
        int? timeoutSeconds = null,
        IReadOnlyList<string>? allowedUpdates = null,
        CancellationToken ct = default)
    {
        var request = new GetUpdatesRequest(offset, limit, timeoutSeconds, allowedUpdates);
        var raw = await CallAsync<GetUpdatesRequest, List<JsonElement>>("getUpdates", request, ct);
        return raw.Select(ParseUpdate).ToArray();
    }

    /// <summary>Switches the bot to webhook mode; Telegram sends <paramref name="secretToken"/> in X-Telegram-Bot-Api-Secret-Token.</summary>
    public Task SetWebhookAsync(
        string url,
        string? secretToken = null,
        IReadOnlyList<string>? allowedUpdates = null,
        bool dropPendingUpdates = false,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var request = new SetWebhookRequest(url, secretToken, allowedUpdates, dropPendingUpdates ? true : null);
        return CallAsync<SetWebhookRequest, bool>("setWebhook", request, ct);
    }

    public Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken ct = default) =>
        CallAsync<DeleteWebhookRequest, bool>("deleteWebhook", new DeleteWebhookRequest(dropPendingUpdates ? true : null), ct);

    public Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken ct = default) =>
        CallAsync<EmptyRequest, WebhookInfo>("getWebhookInfo", EmptyRequest.Instance, ct);

    public Task<Message> SendMessageAsync(
        long chatId,
        string text,
        ParseMode? parseMode = null,
        InlineKeyboardMarkup? replyMarkup = null,
        LinkPreviewOptions? linkPreviewOptions = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var request = new SendMessageRequest(chatId, text, parseMode, replyMarkup, linkPreviewOptions);
        return CallAsync<SendMessageRequest, Message>("sendMessage", request, ct);
    }

    /// <summary>Uploads a PNG (a QR code) as a photo, with an optional caption and keyboard.</summary>
    public async Task<Message> SendPhotoAsync(
        long chatId,
        ReadOnlyMemory<byte> png,
        string? caption = null,
        ParseMode? parseMode = null,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken ct = default)
    {
        if (png.IsEmpty)
        {
            throw new ArgumentException("The photo is empty.", nameof(png));
        }
        using var content = new MultipartFormDataContent();
        AddField(content, "chat_id", chatId.ToString(CultureInfo.InvariantCulture));
        var photo = new ReadOnlyMemoryContent(png);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        photo.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"photo\"", FileName = "\"photo.png\"" };
        content.Add(photo);
        if (caption is not null)
        {
            AddField(content, "caption", caption);
        }
        if (parseMode is { } mode)
        {
            AddField(content, "parse_mode", ParseModeName(mode));
        }
        if (replyMarkup is not null)
        {
            // Multipart fields are strings: Telegram takes nested objects there as JSON text.
            AddField(content, "reply_markup", JsonSerializer.Serialize(replyMarkup, TelegramJson.Options));
        }
        return await SendAsync<Message>("sendPhoto", content, ct);
    }

    public Task<Message> EditMessageTextAsync(
        long chatId,
        long messageId,
        string text,
        ParseMode? parseMode = null,
        InlineKeyboardMarkup? replyMarkup = null,
        LinkPreviewOptions? linkPreviewOptions = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var request = new EditMessageTextRequest(chatId, messageId, text, parseMode, replyMarkup, linkPreviewOptions);
        return CallAsync<EditMessageTextRequest, Message>("editMessageText", request, ct);
    }

    /// <summary>Stops the button's spinner; optionally shows <paramref name="text"/> as a toast or an alert.</summary>
    public Task AnswerCallbackQueryAsync(
        string callbackQueryId,
        string? text = null,
        bool showAlert = false,
        string? url = null,
        int? cacheTimeSeconds = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callbackQueryId);
        var request = new AnswerCallbackQueryRequest(callbackQueryId, text, showAlert ? true : null, url, cacheTimeSeconds);
        return CallAsync<AnswerCallbackQueryRequest, bool>("answerCallbackQuery", request, ct);
    }

    public Task<Message> SendInvoiceAsync(SendInvoiceRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync<SendInvoiceRequest, Message>("sendInvoice", request, ct);
    }

    /// <summary>Confirms or refuses a checkout; a refusal needs an <paramref name="errorMessage"/> shown to the user.</summary>
    public Task AnswerPreCheckoutQueryAsync(
        string preCheckoutQueryId,
        bool ok,
        string? errorMessage = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(preCheckoutQueryId);
        if (!ok && string.IsNullOrEmpty(errorMessage))
        {
            throw new ArgumentException("A refused pre-checkout query needs an error message for the user.", nameof(errorMessage));
        }
        var request = new AnswerPreCheckoutQueryRequest(preCheckoutQueryId, ok, ok ? null : errorMessage);
        return CallAsync<AnswerPreCheckoutQueryRequest, bool>("answerPreCheckoutQuery", request, ct);
    }

    public Task RefundStarPaymentAsync(long userId, string telegramPaymentChargeId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(telegramPaymentChargeId);
        var request = new RefundStarPaymentRequest(userId, telegramPaymentChargeId);
        return CallAsync<RefundStarPaymentRequest, bool>("refundStarPayment", request, ct);
    }

    private async Task<TResult> CallAsync<TRequest, TResult>(string method, TRequest parameters, CancellationToken ct)
    {
        // A byte array rather than JsonContent: it carries a Content-Length instead of a chunked body.
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(parameters, TelegramJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await SendAsync<TResult>(method, content, ct);
    }

    private async Task<TResult> SendAsync<TResult>(string method, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, methodUrlPrefix + method) { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var status = (int)response.StatusCode;
        TelegramResponse<TResult>? answer;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            answer = await JsonSerializer.DeserializeAsync<TelegramResponse<TResult>>(body, TelegramJson.Options, ct);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, a truncated body: report the HTTP status, never the URL.
            throw new TelegramApiException(status, $"HTTP {status} without a readable Bot API answer", method: method);
        }
        if (answer is null)
        {
            throw new TelegramApiException(status, $"HTTP {status} with an empty answer", method: method);
        }
        if (!answer.Ok)
        {
            var retryAfter = answer.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            throw new TelegramApiException(
                answer.ErrorCode ?? status,
                Scrub(answer.Description ?? $"HTTP {status}"),
                retryAfter,
                method,
                answer.Parameters?.MigrateToChatId);
        }
        return answer.Result is { } result
            ? result
            : throw new TelegramApiException(status, "The answer was ok but had no result", method: method);
    }

    private string Scrub(string description) => description.Replace(token, "<token>", StringComparison.Ordinal);

    private static Update ParseUpdate(JsonElement element)
    {
        try
        {
            return element.Deserialize<Update>(TelegramJson.Options) ?? throw new JsonException("A null update.");
        }
        catch (JsonException e) when (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("update_id", out var id)
            && id.TryGetInt64(out var updateId))
        {
            return new Update { UpdateId = updateId, ParseError = e.Message };
        }
    }

    private static void AddField(MultipartFormDataContent content, string name, string value)
    {
        var field = new StringContent(value);
        field.Headers.ContentType = null;
        field.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"" + name + "\"" };
        content.Add(field);
    }

    private static string ParseModeName(ParseMode mode) => mode switch
    {
        ParseMode.Html => "HTML",
        ParseMode.MarkdownV2 => "MarkdownV2",
        ParseMode.Markdown => "Markdown",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
