using System.Globalization;
using AnomalyConnect.Bot.Broadcasts;
using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Bot.Admin;

/// <summary>
/// /broadcast &lt;segment&gt; &lt;text&gt;: a draft with its recipients fixed, shown for confirmation; "Send" starts it and
/// the preview becomes the progress message that the sender keeps up to date.
/// </summary>
internal sealed class AdminBroadcasts(BotSender sender, IBroadcasts broadcasts, IBroadcastQueue queue, BroadcastSignal signal)
{
    /// <summary>Telegram's limit on a message's text.</summary>
    private const int MaxText = 4096;

    public async Task DraftAsync(BotRequest request, string arguments, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        var split = arguments.IndexOfAny([' ', '\n', '\t']);
        var segmentName = split < 0 ? arguments : arguments[..split];
        var text = split < 0 ? "" : Clean(arguments[(split + 1)..]);
        if (!TryParseSegment(segmentName, out var segment) || text.Length == 0 || text.Length > MaxText)
        {
            await sender.SendTextAsync(request.ChatId, texts.Usage("/broadcast <all | active | expired | limited | disabled | on_hold> <text>"), cancellationToken: cancellationToken);
            return;
        }
        var draft = await broadcasts.CreateDraftAsync(new BroadcastDraft(text, segment, request.From.Id), cancellationToken);
        if (draft.Total == 0)
        {
            await broadcasts.CancelAsync(draft.BroadcastId, cancellationToken);
            await sender.SendTextAsync(request.ChatId, texts.BroadcastEmpty, cancellationToken: cancellationToken);
            return;
        }
        await sender.SendTextAsync(request.ChatId, texts.BroadcastPreview(draft), BotKeyboards.BroadcastConfirm(texts, draft.BroadcastId), cancellationToken: cancellationToken);
    }

    public async Task OnButtonAsync(BotRequest request, string? action, string? idText, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || action is not (CallbackData.StartBroadcast or CallbackData.CancelBroadcast))
        {
            await sender.SendTextAsync(request.ChatId, texts.OutdatedButton, cancellationToken: cancellationToken);
            return;
        }
        if (action == CallbackData.CancelBroadcast)
        {
            var canceled = await broadcasts.CancelAsync(id, cancellationToken);
            await ShowAsync(request, canceled is null ? texts.BroadcastGone : texts.BroadcastCanceled(id), cancellationToken);
            return;
        }
        var started = await broadcasts.StartAsync(id, cancellationToken);
        if (started is null)
        {
            await ShowAsync(request, texts.BroadcastGone, cancellationToken);
            return;
        }
        if (request.MessageId is { } messageId)
        {
            await queue.SetProgressMessageAsync(id, messageId, cancellationToken);
        }
        await ShowAsync(request, texts.BroadcastStarted(id), cancellationToken);
        signal.Notify();
    }

    private Task ShowAsync(BotRequest request, string text, CancellationToken cancellationToken) =>
        sender.ShowAsync(request.ChatId, request.MessageId, text, keyboard: null, cancellationToken);

    private static bool TryParseSegment(string name, out UserStatus? segment)
    {
        segment = null;
        switch (name.Trim().ToLowerInvariant())
        {
            case "all":
                return true;
            case "active":
                segment = UserStatus.Active;
                return true;
            case "expired":
                segment = UserStatus.Expired;
                return true;
            case "limited":
                segment = UserStatus.Limited;
                return true;
            case "disabled":
                segment = UserStatus.Disabled;
                return true;
            case "on_hold" or "onhold":
                segment = UserStatus.OnHold;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The text goes out as plain text: only control characters other than line breaks and tabs are dropped.</summary>
    private static string Clean(string text) =>
        new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray()).Trim();
}
