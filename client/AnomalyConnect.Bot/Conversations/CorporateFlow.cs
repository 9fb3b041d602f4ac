using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>
/// Corporate /get_config behind the Telegram second factor: the request is opened here, its approval prompt comes
/// through the outbox (<see cref="Corporate.ConfigApprovalHandler"/>), and the decision from its buttons. Only an
/// approval by the linked account releases the link and its QR code.
/// </summary>
internal sealed class CorporateFlow(
    BotSender sender,
    UserAccounts accounts,
    IGrainFactory grains,
    IServiceProvider services,
    AccessFlow access,
    MenuFlow menu)
{
    public const string Channel = "telegram";

    public async Task RequestConfigAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (services.GetService<ICorporateAccess>() is not { } corporate)
        {
            await menu.SendAsync(request, texts.CorporateUnavailable, cancellationToken);
            return;
        }
        var user = await accounts.FindAsync(request.From.Id, cancellationToken);
        var opened = user is { EmployeeId: not null }
            ? await corporate.RequestConfigAsync(user.UserId, Channel, Actor.Telegram(request.From.Id), cancellationToken)
            : null;
        await sender.SendTextAsync(request.ChatId, opened is null ? texts.ConfigNotLinked : texts.ConfigRequested, cancellationToken: cancellationToken);
    }

    public async Task DecideAsync(BotRequest request, string requestId, bool approve, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (services.GetService<ICorporateAccess>() is not { } corporate)
        {
            await menu.SendAsync(request, texts.CorporateUnavailable, cancellationToken);
            return;
        }
        var state = await corporate.DecideAsync(requestId, request.From.Id, approve, cancellationToken);
        var decision = texts.ConfigDecision(state);
        if (request.MessageId is not { } messageId || !await sender.TryEditAsync(request.ChatId, messageId, decision, keyboard: null, SendPolicy.Interactive, cancellationToken))
        {
            await sender.SendTextAsync(request.ChatId, decision, cancellationToken: cancellationToken);
        }
        if (state != ConfigRequestState.Approved
            || await corporate.GetRequestAsync(requestId, cancellationToken) is not { State: ConfigRequestState.Approved } approved
            || approved.TelegramId != request.From.Id
            || await grains.GetGrain<IUserGrain>(approved.UserId).GetAsync() is not { IsActive: true } user)
        {
            return;
        }
        var url = accounts.SubscriptionUrl(user);
        await access.SendLinkAndQrAsync(request.ChatId, texts, user, $"<code>{Texts.BotTexts.H(url)}</code>", BotKeyboards.BackToMenu(texts), policy: null, cancellationToken);
    }
}
