using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Bot.Updates;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>Instructions per platform, the support contact, and the invitation link.</summary>
internal sealed class InfoFlow(BotSender sender, UserAccounts accounts, BotOptions options, MenuFlow menu)
{
    public Task ShowPlatformsAsync(BotRequest request, CancellationToken cancellationToken) =>
        sender.ShowAsync(request.ChatId, request.MessageId, request.Texts.ChoosePlatform, BotKeyboards.Platforms(request.Texts), cancellationToken);

    public async Task ShowInstructionsAsync(BotRequest request, string platform, CancellationToken cancellationToken)
    {
        if (!Platforms.All.Contains(platform))
        {
            await ShowPlatformsAsync(request, cancellationToken);
            return;
        }
        var user = await accounts.FindAsync(request.From.Id, cancellationToken);
        var link = user is not null && !UserAccounts.NeverHadAccess(user) ? accounts.SubscriptionUrl(user) : null;
        await sender.ShowAsync(request.ChatId, request.MessageId, request.Texts.Instructions(platform, link), BotKeyboards.Platforms(request.Texts), cancellationToken);
    }

    public Task ShowSupportAsync(BotRequest request, CancellationToken cancellationToken) =>
        sender.ShowAsync(request.ChatId, request.MessageId, request.Texts.Support(options.SupportUrl, options.SupportUsername),
            BotKeyboards.Support(request.Texts, options.SupportUrl, options.SupportUsername), cancellationToken);

    public Task ShowInviteAsync(BotRequest request, CancellationToken cancellationToken)
    {
        if (options.BotUsername is not { } bot)
        {
            return menu.ShowAsync(request, cancellationToken);
        }
        var link = $"https://t.me/{bot}?start={StartFlow.ReferralPrefix}{request.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return sender.ShowAsync(request.ChatId, request.MessageId, request.Texts.Invite(link), BotKeyboards.BackToMenu(request.Texts), cancellationToken);
    }
}
