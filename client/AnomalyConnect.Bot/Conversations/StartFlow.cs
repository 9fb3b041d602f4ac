using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>
/// /start, with an optional deep-link payload: <c>ref_…</c> is an invitation (recorded once, for a newly registered
/// user; activation codes never hold '_'); anything else is a corporate activation code, redeemed before the account is registered so that the
/// Telegram id goes to the employee's user rather than to a new one.
/// </summary>
internal sealed partial class StartFlow(
    BotSender sender,
    UserAccounts accounts,
    IGrainFactory grains,
    IServiceProvider services,
    MenuFlow menu,
    ILogger<StartFlow> logger)
{
    public const string ReferralPrefix = "ref_";

    private const int MaxPayloadLength = 64;

    public async Task RunAsync(BotRequest request, string? payload, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        // Telegram allows 1-64 characters of A-Z, a-z, 0-9, '_' and '-' in a start parameter; anything else is ignored.
        payload = payload is { Length: > 0 and <= MaxPayloadLength } && payload.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? payload
            : null;
        string? activation = null;
        if (payload is not null && !payload.StartsWith(ReferralPrefix, StringComparison.Ordinal))
        {
            activation = services.GetService<ICorporateAccess>() is { } corporate
                ? texts.Activation(await corporate.RedeemActivationCodeAsync(payload, request.From.Id, cancellationToken))
                : texts.Activation(ActivationOutcome.Unknown);
        }
        var (_, created) = await accounts.EnsureAsync(request.From, cancellationToken);
        if (created && payload is not null && payload.StartsWith(ReferralPrefix, StringComparison.Ordinal) && payload.Length > ReferralPrefix.Length)
        {
            var referrer = payload[ReferralPrefix.Length..];
            if (referrer != request.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && await grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(request.ChatId)).RecordReferralAsync(referrer))
            {
                LogReferral(logger, request.From.Id, referrer);
            }
        }
        if (activation is not null)
        {
            await sender.SendTextAsync(request.ChatId, activation, cancellationToken: cancellationToken);
        }
        await menu.SendAsync(request, texts.Welcome(request.From.FirstName), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram user {TelegramId} came by the invitation of {Referrer}")]
    private static partial void LogReferral(ILogger logger, long telegramId, string referrer);
}
