using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains.Payments;

/// <summary>Gives Stars back through the bot (refundStarPayment). Only possible with a bot token.</summary>
internal sealed partial class TelegramStarsRefunds(IHttpClientFactory httpClients, IOptions<PaymentOptions> options, ILogger<TelegramStarsRefunds> logger)
{
    public const string HttpClientName = "payments-telegram";

    public bool IsConfigured => options.Value.Bot is not null;

    public async Task<ProviderCall<bool>> RefundAsync(long telegramUserId, string chargeId, CancellationToken cancellationToken)
    {
        if (options.Value.Bot is not { } bot)
        {
            return new ProviderCall<bool>(ProviderCallOutcome.Unavailable, Error: "No bot is configured (BOT_TOKEN).");
        }
        try
        {
            await new TelegramBotClient(httpClients.CreateClient(HttpClientName), bot).RefundStarPaymentAsync(telegramUserId, chargeId, cancellationToken);
            return new ProviderCall<bool>(ProviderCallOutcome.Ok, true);
        }
        catch (TelegramApiException exception) when (exception.Description.Contains("CHARGE_ALREADY_REFUNDED", StringComparison.Ordinal))
        {
            // An earlier attempt got through and only its answer was lost.
            return new ProviderCall<bool>(ProviderCallOutcome.Ok, true);
        }
        catch (TelegramApiException exception) when (exception.IsTransient)
        {
            LogUnavailable(logger, chargeId, exception.Message);
            return new ProviderCall<bool>(ProviderCallOutcome.Unavailable, Error: exception.Description);
        }
        catch (TelegramApiException exception)
        {
            LogRefused(logger, chargeId, exception.Message);
            return new ProviderCall<bool>(ProviderCallOutcome.Refused, Error: exception.Description);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            LogUnavailable(logger, chargeId, exception.GetType().Name);
            return new ProviderCall<bool>(ProviderCallOutcome.Unavailable, Error: "Telegram could not be reached.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stars refund of charge {ChargeId} could not be made now: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string chargeId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refused the Stars refund of charge {ChargeId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string chargeId, string reason);
}
