using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// The bot's pending updates and how they leave: <c>getUpdates</c> (offset confirms, long poll, a newer poller
/// terminates an older one) or a webhook (which makes <c>getUpdates</c> a 409 conflict, as on Telegram).
/// </summary>
internal sealed class FakeTelegramUpdateQueue
{
    // What Telegram delivers when allowed_updates is empty or was never given.
    private static readonly HashSet<string> NotDeliveredByDefault = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly Lock gate = new();
    private readonly List<JsonObject> pending = [];
    private readonly ChangeSignal changed = new();
    private long nextUpdateId = 500_000_001;
    private long pollGeneration;
    private int heldPolls;
    private HashSet<string>? allowedUpdates;
    private string webhookUrl = string.Empty;
    private string? webhookSecret;
    private string? lastWebhookError;
    private long? lastWebhookErrorDate;

    public Task Changed => changed.Next;

    /// <summary>getUpdates requests being held open right now (a long poll waiting for updates).</summary>
    public int HeldPolls => Volatile.Read(ref heldPolls);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public string? WebhookUrl
    {
        get
        {
            lock (gate)
            {
                return webhookUrl.Length == 0 ? null : webhookUrl;
            }
        }
    }

    public long Enqueue(JsonObject update)
    {
        long id;
        lock (gate)
        {
            id = update["update_id"]?.GetValue<long>() ?? nextUpdateId;
            nextUpdateId = Math.Max(nextUpdateId, id + 1);
            update["update_id"] = id;
            pending.Add(update);
        }
        changed.Notify();
        return id;
    }

    public async Task<FakeTelegramAnswer> GetUpdatesAsync(JsonObject parameters, TimeSpan longPollCap, CancellationToken stopping)
    {
        var offset = FakeTelegramParameters.Long(parameters, "offset") ?? 0;
        var limit = (int)Math.Clamp(FakeTelegramParameters.Long(parameters, "limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, FakeTelegramParameters.Long(parameters, "timeout") ?? 0));
        long generation;
        lock (gate)
        {
            if (webhookUrl.Length > 0)
            {
                return WebhookConflict();
            }
            generation = ++pollGeneration;
            SetAllowedUpdates(parameters);
            Confirm(offset);
        }
        changed.Notify();
        var deadline = DateTimeOffset.UtcNow + (timeout < longPollCap ? timeout : longPollCap);
        while (true)
        {
            var next = changed.Next;
            lock (gate)
            {
                if (generation != pollGeneration)
                {
                    return FakeTelegramAnswer.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }
                if (webhookUrl.Length > 0)
                {
                    return WebhookConflict();
                }
                DropNotAllowed();
                if (pending.Count > 0 || DateTimeOffset.UtcNow >= deadline)
                {
                    return FakeTelegramAnswer.Ok(new JsonArray(pending.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray()));
                }
            }
            Interlocked.Increment(ref heldPolls);
            try
            {
                await ChangeSignal.WaitAsync(next, deadline - DateTimeOffset.UtcNow, stopping);
            }
            finally
            {
                Interlocked.Decrement(ref heldPolls);
            }
        }
    }

    public FakeTelegramAnswer SetWebhook(JsonObject parameters)
    {
        var url = FakeTelegramParameters.String(parameters, "url") ?? string.Empty;
        var secret = FakeTelegramParameters.String(parameters, "secret_token");
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            // Telegram wants HTTPS on 443/80/88/8443; the fake also takes plain HTTP so tests can use loopback.
            return FakeTelegramAnswer.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        if (secret is not null && (secret.Length is 0 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            return FakeTelegramAnswer.BadRequest("secret token contains unallowed characters");
        }
        lock (gate)
        {
            webhookUrl = url;
            webhookSecret = secret;
            lastWebhookError = null;
            SetAllowedUpdates(parameters);
            if (FakeTelegramParameters.Bool(parameters, "drop_pending_updates") == true)
            {
                pending.Clear();
            }
        }
        changed.Notify();
        return FakeTelegramAnswer.Ok(true);
    }

    public FakeTelegramAnswer DeleteWebhook(JsonObject parameters)
    {
        lock (gate)
        {
            webhookUrl = string.Empty;
            webhookSecret = null;
            if (FakeTelegramParameters.Bool(parameters, "drop_pending_updates") == true)
            {
                pending.Clear();
            }
        }
        changed.Notify();
        return FakeTelegramAnswer.Ok(true);
    }

    public FakeTelegramAnswer GetWebhookInfo()
    {
        lock (gate)
        {
            var info = new JsonObject
            {
                ["url"] = webhookUrl,
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = pending.Count,
            };
            if (lastWebhookError is not null)
            {
                info["last_error_date"] = lastWebhookErrorDate;
                info["last_error_message"] = lastWebhookError;
            }
            if (allowedUpdates is not null)
            {
                info["allowed_updates"] = new JsonArray(allowedUpdates.Select(u => (JsonNode)u).ToArray());
            }
            return FakeTelegramAnswer.Ok(info);
        }
    }

    /// <summary>The next update to push to the webhook, or null when there is no webhook or nothing pending.</summary>
    public (string Url, string? Secret, long UpdateId, JsonObject Update)? NextForWebhook()
    {
        lock (gate)
        {
            DropNotAllowed();
            if (webhookUrl.Length == 0 || pending.Count == 0)
            {
                return null;
            }
            var update = pending[0];
            return (webhookUrl, webhookSecret, update["update_id"]!.GetValue<long>(), (JsonObject)update.DeepClone());
        }
    }

    public void WebhookDelivered(long updateId)
    {
        lock (gate)
        {
            pending.RemoveAll(u => u["update_id"]!.GetValue<long>() == updateId);
            lastWebhookError = null;
        }
        changed.Notify();
    }

    public void WebhookFailed(string error, long unixNow)
    {
        lock (gate)
        {
            lastWebhookError = error;
            lastWebhookErrorDate = unixNow;
        }
    }

    private static FakeTelegramAnswer WebhookConflict() =>
        FakeTelegramAnswer.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

    private void Confirm(long offset)
    {
        if (offset > 0)
        {
            pending.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
        }
        else if (offset < 0 && pending.Count > -offset)
        {
            // A negative offset keeps the last -offset updates and forgets the rest.
            pending.RemoveRange(0, pending.Count - (int)Math.Min(-offset, int.MaxValue));
        }
    }

    private void SetAllowedUpdates(JsonObject parameters)
    {
        // Not given: the previous setting stays; an empty list: the default set.
        if (parameters["allowed_updates"] is JsonArray types)
        {
            allowedUpdates = types.Count == 0 ? null : types.Select(t => t?.GetValue<string>()).OfType<string>().ToHashSet();
        }
    }

    private void DropNotAllowed() =>
        pending.RemoveAll(update =>
        {
            var kind = update.Select(p => p.Key).FirstOrDefault(k => k != "update_id");
            return kind is not null && (allowedUpdates is null ? NotDeliveredByDefault.Contains(kind) : !allowedUpdates.Contains(kind));
        });
}
