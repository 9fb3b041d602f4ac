using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>
/// Telegram Payments and Stars: the pre-checkout question (is this payment still pending, for this amount?) answered
/// within Telegram's 10 seconds, and the successful payment handed to the payment grain, which applies it exactly once.
/// </summary>
internal sealed partial class CheckoutFlow(
    BotSender sender,
    IGrainFactory grains,
    ILogger<CheckoutFlow> logger)
{
    public async Task AnswerAsync(PreCheckoutQuery query, CancellationToken cancellationToken)
    {
        var texts = BotTexts.For(query.From.LanguageCode);
        PaymentResult? result = null;
        if (PaymentIds.IsWellFormed(query.InvoicePayload))
        {
            try
            {
                result = await grains.GetGrain<IPaymentGrain>(query.InvoicePayload)
                    .CheckoutAsync(BuyFlow.FromMinorUnits(query.TotalAmount, query.Currency), query.Currency);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Telegram will not wait for a retry: refuse now, the user can pay again.
                LogCheckoutFailed(logger, query.InvoicePayload, e);
            }
        }
        var ok = result is { Outcome: PaymentOutcome.Done };
        if (!ok)
        {
            LogCheckoutRefused(logger, query.InvoicePayload, result?.Outcome, result?.Error);
        }
        await sender.AnswerPreCheckoutAsync(query.Id, ok, ok ? null : texts.CheckoutRefused, cancellationToken);
    }

    public async Task CompleteAsync(BotRequest request, SuccessfulPayment payment, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (!PaymentIds.IsWellFormed(payment.InvoicePayload))
        {
            LogUnknownPayment(logger, payment.TelegramPaymentChargeId);
            await sender.SendTextAsync(request.ChatId, texts.PaymentNotApplied, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
            return;
        }
        var confirmation = new ProviderConfirmation(
            payment.TelegramPaymentChargeId, BuyFlow.FromMinorUnits(payment.TotalAmount, payment.Currency), payment.Currency);
        var result = await grains.GetGrain<IPaymentGrain>(payment.InvoicePayload).MarkSucceededAsync(confirmation);
        switch (result)
        {
            case { Outcome: PaymentOutcome.ProviderUnavailable }:
                throw new PaymentProviderUnavailableException(result.Error);
            case { Outcome: PaymentOutcome.Done or PaymentOutcome.Unchanged, Payment: { Status: PaymentStatus.Succeeded } paid }:
                if (paid.PromoCode is not null && request.Chat?.DiscountCode is not null)
                {
                    await grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(request.ChatId)).SetDiscountCodeAsync(null);
                }
                var until = paid.AppliedToUser && await grains.GetGrain<IUserGrain>(paid.UserId).GetAsync() is { } user ? user.ExpiresAt : null;
                await sender.SendTextAsync(request.ChatId, texts.PaymentReceived(until), BotKeyboards.AfterPurchase(texts), cancellationToken: cancellationToken);
                return;
            default:
                LogPaymentNotApplied(logger, payment.InvoicePayload, result.Outcome, result.Error);
                await sender.SendTextAsync(request.ChatId, texts.PaymentNotApplied, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
                return;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pre-checkout of payment {PaymentId} failed; refused")]
    private static partial void LogCheckoutFailed(ILogger logger, string paymentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pre-checkout of payment {PaymentId} refused: {Outcome} {Error}")]
    private static partial void LogCheckoutRefused(ILogger logger, string paymentId, PaymentOutcome? outcome, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A successful payment with charge {ChargeId} carries no payment id of ours")]
    private static partial void LogUnknownPayment(ILogger logger, string chargeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram reported payment {PaymentId} as paid, but it was not applied: {Outcome} {Error}")]
    private static partial void LogPaymentNotApplied(ILogger logger, string paymentId, PaymentOutcome outcome, string? error);
}
