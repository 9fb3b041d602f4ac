using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>The one free trial (TRIAL_DAYS): the user grain refuses a second one; on success the link and its QR code.</summary>
internal sealed class TrialFlow(BotSender sender, UserAccounts accounts, IGrainFactory grains, AccessFlow access, BotOptions options)
{
    public async Task StartAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (options.TrialDays <= 0)
        {
            await sender.SendTextAsync(request.ChatId, texts.TrialOff, BotKeyboards.Renew(texts), cancellationToken: cancellationToken);
            return;
        }
        var (user, _) = await accounts.EnsureAsync(request.From, cancellationToken);
        if (user.Status == UserStatus.Disabled)
        {
            await sender.SendTextAsync(request.ChatId, texts.AccountDisabled, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
            return;
        }
        var result = await grains.GetGrain<IUserGrain>(user.UserId).ApplyAsync(new UserAction.StartTrial(options.TrialDays), Actor.Telegram(request.From.Id));
        if (result is not { Outcome: UserOutcome.Done, User: { } started })
        {
            await sender.SendTextAsync(request.ChatId, texts.TrialUsed, BotKeyboards.Renew(texts), cancellationToken: cancellationToken);
            return;
        }
        var lead = texts.TrialStarted(options.TrialDays, started.ExpiresAt, accounts.SubscriptionUrl(started));
        await access.SendLinkAndQrAsync(request.ChatId, texts, started, lead, BotKeyboards.AfterPurchase(texts), policy: null, cancellationToken);
    }
}
