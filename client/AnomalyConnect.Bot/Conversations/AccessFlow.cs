using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Subscriptions;
using AnomalyConnect.Integrations.Telegram;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>"My access": status, term, traffic, devices and the subscription link; the QR code as a photo.</summary>
internal sealed class AccessFlow(BotSender sender, UserAccounts accounts, IGrainFactory grains, MenuFlow menu)
{
    public async Task ShowAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var (user, _) = await accounts.EnsureAsync(request.From, cancellationToken);
        if (UserAccounts.NeverHadAccess(user))
        {
            await sender.ShowAsync(request.ChatId, request.MessageId, request.Texts.NoAccessYet, menu.Keyboard(request.Texts), cancellationToken);
            return;
        }
        var text = request.Texts.Access(user, accounts.SubscriptionUrl(user), await CountDevicesAsync(user.UserId));
        await sender.ShowAsync(request.ChatId, request.MessageId, text, BotKeyboards.Access(request.Texts), cancellationToken);
    }

    public async Task SendQrAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var (user, _) = await accounts.EnsureAsync(request.From, cancellationToken);
        if (UserAccounts.NeverHadAccess(user))
        {
            await menu.SendAsync(request, request.Texts.NoAccessYet, cancellationToken);
            return;
        }
        await SendQrAsync(request.ChatId, request.Texts, user, BotKeyboards.BackToMenu(request.Texts), policy: null, cancellationToken);
    }

    /// <summary><paramref name="lead"/> (which carries the link), then the QR code of the link as a photo.</summary>
    public async Task SendLinkAndQrAsync(
        long chatId, BotTexts texts, UserView user, string lead, InlineKeyboardMarkup? keyboard, SendPolicy? policy, CancellationToken cancellationToken)
    {
        await sender.SendTextAsync(chatId, lead, policy: policy, cancellationToken: cancellationToken);
        await SendQrAsync(chatId, texts, user, keyboard, policy, cancellationToken);
    }

    private Task SendQrAsync(long chatId, BotTexts texts, UserView user, InlineKeyboardMarkup? keyboard, SendPolicy? policy, CancellationToken cancellationToken)
    {
        var url = accounts.SubscriptionUrl(user);
        return sender.SendPhotoAsync(chatId, QrCode.Png(url), texts.QrCaption(url), keyboard, policy, cancellationToken);
    }

    private async Task<int?> CountDevicesAsync(string userId)
    {
        try
        {
            return (await grains.GetGrain<IUserDevicesGrain>(userId).ListAsync()).Count;
        }
        catch (InvalidOperationException)
        {
            // Device tracking is not part of this build: the line is left out.
            return null;
        }
    }
}
