using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// A loopback Telegram Bot API for one bot token: <c>POST {BaseUrl}/bot{token}/{method}</c> with JSON, form or
/// multipart bodies, answering <c>{ok, result}</c> / <c>{ok: false, error_code, description, parameters}</c>.
/// Tests queue updates, read every call back, and program failures (429 flood control, a user who blocked the bot).
/// Method names are case-insensitive, as on Telegram.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "123456789:AAF4keTokenForLoopbackTestsOnly_xyzXYZ0";

    private readonly FakeHttpServer http;
    private readonly FakeTelegramUpdateQueue updates = new();
    private readonly FakeTelegramCallLog calls = new();
    private readonly FakeTelegramBotApi api;
    private readonly FakeTelegramWebhookPusher webhook;
    private readonly Lock faultGate = new();
    private readonly Dictionary<string, Queue<FakeTelegramFault>> faults = new(StringComparer.OrdinalIgnoreCase);

    private FakeTelegramServer(string token, TimeProvider clock)
    {
        Token = token;
        BotId = BotIdOf(token);
        api = new FakeTelegramBotApi(BotUser(), clock);
        webhook = new FakeTelegramWebhookPusher(updates, clock);
        http = FakeHttpServer.Start(HandleAsync);
    }

    /// <summary><c>http://127.0.0.1:port</c>: the Bot API base URL to give the client (TELEGRAM_API_URL).</summary>
    public Uri BaseUrl => http.BaseUrl;

    public string Token { get; }

    public long BotId { get; }

    public string BotUsername => "anomaly_test_bot";

    /// <summary>The longest a <c>getUpdates</c> long poll is held, whatever timeout the bot asked for.</summary>
    public TimeSpan LongPollCap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Updates queued and not yet confirmed by an offset (or delivered to the webhook).</summary>
    public int PendingUpdateCount => updates.Count;

    public string? WebhookUrl => updates.WebhookUrl;

    /// <summary><c>getUpdates</c> long polls being held open now: 1 means the bot is polling and waiting.</summary>
    public int HeldPolls => updates.HeldPolls;

    /// <summary>Every call received so far, in order, failed ones included.</summary>
    public IReadOnlyList<FakeTelegramCall> Calls => calls.Snapshot();

    /// <summary>Charge ids refunded through <c>refundStarPayment</c>.</summary>
    public IReadOnlyCollection<string> RefundedCharges => api.RefundedCharges;

    public static FakeTelegramServer Start(string token = DefaultToken, TimeProvider? clock = null)
    {
        if (!TokenShape().IsMatch(token))
        {
            throw new ArgumentException("A bot token looks like 123456:ABC-def…", nameof(token));
        }
        return new FakeTelegramServer(token, clock ?? TimeProvider.System);
    }

    /// <summary>The bot's user id: the number before the colon of its token.</summary>
    public static long BotIdOf(string token) => long.Parse(token[..token.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    /// <summary>Queues an update (see <see cref="FakeTelegramUpdates"/>), giving it the next <c>update_id</c> unless it has one.</summary>
    public long EnqueueUpdate(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return updates.Enqueue(update);
    }

    public IReadOnlyList<FakeTelegramCall> CallsTo(string method) =>
        Calls.Where(c => c.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Messages (text, photos, invoices) Telegram accepted for the chat, in order.</summary>
    public IReadOnlyList<FakeTelegramCall> MessagesTo(long chatId) =>
        Calls.Where(c => c.IsSentMessage && c.ChatId == chatId).ToArray();

    /// <summary>Waits until <paramref name="count"/> messages were sent to the chat; returns the first that many.</summary>
    /// <exception cref="TimeoutException">Fewer arrived in time; the message lists every call received.</exception>
    public Task<IReadOnlyList<FakeTelegramCall>> WaitForMessagesAsync(long chatId, int count, TimeSpan? within = null, CancellationToken ct = default) =>
        calls.WaitAsync(c => c.IsSentMessage && c.ChatId == chatId, count, within ?? TimeSpan.FromSeconds(10), $"message(s) to chat {chatId}", ct);

    /// <summary>Waits for a call of <paramref name="method"/> (successful or not) matching <paramref name="match"/>.</summary>
    public async Task<FakeTelegramCall> WaitForCallAsync(
        string method, Func<FakeTelegramCall, bool>? match = null, TimeSpan? within = null, CancellationToken ct = default)
    {
        var found = await calls.WaitAsync(
            c => c.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && (match?.Invoke(c) ?? true),
            1,
            within ?? TimeSpan.FromSeconds(10),
            $"call(s) of {method}",
            ct);
        return found[0];
    }

    public void ClearCalls() => calls.Clear();

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> fail with this error instead of running.</summary>
    public void FailNext(string method, int count, int errorCode, string description, int? retryAfterSeconds = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        lock (faultGate)
        {
            if (!faults.TryGetValue(method, out var queue))
            {
                faults[method] = queue = new Queue<FakeTelegramFault>();
            }
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(new FakeTelegramFault(errorCode, description, retryAfterSeconds));
            }
        }
    }

    /// <summary>Flood control: the next calls get 429 with <c>parameters.retry_after</c>.</summary>
    public void RateLimitNext(string method, int count = 1, int retryAfterSeconds = 1) =>
        FailNext(method, count, 429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds);

    /// <summary>
    /// The user blocked the bot: every call for the chat gets 403 "bot was blocked by the user" from now on, and (as on
    /// Telegram) a <c>my_chat_member</c> update saying so is queued unless <paramref name="queueUpdate"/> is false.
    /// </summary>
    public void BlockChat(long chatId, bool queueUpdate = true)
    {
        api.SetUnreachable(chatId, deactivated: false);
        if (queueUpdate)
        {
            updates.Enqueue(FakeTelegramUpdates.BotBlocked(chatId, BotId));
        }
    }

    /// <summary>The user deleted their account: every call for the chat gets 403 "user is deactivated".</summary>
    public void DeactivateChat(long chatId) => api.SetUnreachable(chatId, deactivated: true);

    public void UnblockChat(long chatId, bool queueUpdate = true)
    {
        api.SetReachable(chatId);
        if (queueUpdate)
        {
            updates.Enqueue(FakeTelegramUpdates.BotUnblocked(chatId, BotId));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await webhook.DisposeAsync();
        await http.DisposeAsync();
    }

    private async Task<FakeHttpResponse> HandleAsync(FakeHttpRequest request, CancellationToken stopping)
    {
        var match = MethodPath().Match(request.Path);
        if (!match.Success)
        {
            return Answer(FakeTelegramAnswer.NotFound());
        }
        var token = match.Groups["token"].Value;
        var method = match.Groups["method"].Value;
        if (token != Token)
        {
            return Answer(TokenShape().IsMatch(token) ? FakeTelegramAnswer.Error(401, "Unauthorized") : FakeTelegramAnswer.NotFound());
        }
        JsonObject parameters;
        Dictionary<string, FakeTelegramFile> files;
        try
        {
            (parameters, files) = FakeTelegramParameters.Read(request);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            var failed = FakeTelegramAnswer.BadRequest("can't parse request body: " + e.Message);
            calls.Add(new FakeTelegramCall(method, new JsonObject(), new Dictionary<string, FakeTelegramFile>(), failed.StatusCode, null, failed.Description));
            return Answer(failed);
        }
        var answer = TakeFault(method) ?? await RunAsync(method, parameters, files, stopping);
        calls.Add(new FakeTelegramCall(method, parameters, files, answer.StatusCode, answer.Result?.DeepClone(), answer.Description));
        return Answer(answer);
    }

    private async Task<FakeTelegramAnswer> RunAsync(
        string method, JsonObject parameters, IReadOnlyDictionary<string, FakeTelegramFile> files, CancellationToken stopping) =>
        method.ToLowerInvariant() switch
        {
            "getupdates" => await updates.GetUpdatesAsync(parameters, LongPollCap, stopping),
            "setwebhook" => updates.SetWebhook(parameters),
            "deletewebhook" => updates.DeleteWebhook(parameters),
            "getwebhookinfo" => updates.GetWebhookInfo(),
            _ => api.Handle(method, parameters, files),
        };

    private FakeTelegramAnswer? TakeFault(string method)
    {
        lock (faultGate)
        {
            if (!faults.TryGetValue(method, out var queue) || !queue.TryDequeue(out var fault))
            {
                return null;
            }
            var parameters = fault.RetryAfterSeconds is { } seconds ? new JsonObject { ["retry_after"] = seconds } : null;
            return FakeTelegramAnswer.Error(fault.ErrorCode, fault.Description, parameters);
        }
    }

    private JsonObject BotUser() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = "Anomaly Test Bot",
        ["username"] = BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    private static FakeHttpResponse Answer(FakeTelegramAnswer answer) => FakeHttpResponse.Json(answer.StatusCode, answer.Body());

    [GeneratedRegex(@"^/bot(?<token>[^/]+)/(?<method>[A-Za-z]+)/?$")]
    private static partial Regex MethodPath();

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();
}
