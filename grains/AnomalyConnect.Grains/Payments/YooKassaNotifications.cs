using System.Net;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.YooKassa;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using YooKassaPaymentStatus = AnomalyConnect.Integrations.YooKassa.PaymentStatus;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// Handles a YooKassa notification by trusting nothing in it but the object id: the payment or refund is read back from
/// YooKassa's API, found among ours by its YooKassa id (or by the payment id we put in its metadata, for a payment
/// whose id we never got to store), and only what the API says is applied.
/// </summary>
internal sealed partial class YooKassaNotifications(
    YooKassaGateway yooKassa,
    IPaymentDirectory directory,
    IGrainFactory grains,
    IOptions<PaymentOptions> options,
    ILogger<YooKassaNotifications> logger) : IYooKassaNotifications
{
    public bool IsConfigured => yooKassa.IsConfigured;

    public bool AcceptsSender(IPAddress? address) => !options.Value.YooKassaCheckIp || YooKassaIpRanges.Contains(address);

    public Task<YooKassaNotificationOutcome> HandleAsync(string eventName, string objectId, CancellationToken cancellationToken) =>
        eventName.StartsWith("refund.", StringComparison.Ordinal) ? HandleRefundAsync(objectId, cancellationToken)
        : eventName.StartsWith("payment.", StringComparison.Ordinal) ? HandlePaymentAsync(objectId, cancellationToken)
        : Task.FromResult(YooKassaNotificationOutcome.Ignored);

    private async Task<YooKassaNotificationOutcome> HandlePaymentAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        var read = await yooKassa.GetPaymentAsync(providerPaymentId, cancellationToken);
        if (read is not { Outcome: ProviderCallOutcome.Ok, Value: { } payment })
        {
            return Unread(read.Outcome);
        }
        if (await FindOursAsync(payment, cancellationToken) is not { } paymentId)
        {
            LogUnknown(logger, payment.Id);
            return YooKassaNotificationOutcome.Unknown;
        }
        var grain = grains.GetGrain<IPaymentGrain>(paymentId);
        var result = payment.Status switch
        {
            YooKassaPaymentStatus.Succeeded when payment.Paid =>
                await grain.MarkSucceededAsync(new ProviderConfirmation(payment.Id, payment.Amount.Value, payment.Amount.Currency)),
            YooKassaPaymentStatus.Canceled =>
                await grain.CancelAsync("yookassa: " + (payment.CancellationDetails?.Reason ?? "canceled")),
            _ => null,
        };
        return Outcome(result);
    }

    private async Task<YooKassaNotificationOutcome> HandleRefundAsync(string refundId, CancellationToken cancellationToken)
    {
        var read = await yooKassa.GetRefundAsync(refundId, cancellationToken);
        if (read is not { Outcome: ProviderCallOutcome.Ok, Value: { } refund })
        {
            return Unread(read.Outcome);
        }
        if (refund.Status != RefundStatus.Succeeded)
        {
            return YooKassaNotificationOutcome.Ignored;
        }
        var paymentId = await directory.FindByProviderPaymentIdAsync(PaymentProvider.YooKassa, refund.PaymentId, cancellationToken);
        if (paymentId is null)
        {
            var payment = await yooKassa.GetPaymentAsync(refund.PaymentId, cancellationToken);
            if (payment is not { Outcome: ProviderCallOutcome.Ok, Value: { } known })
            {
                return Unread(payment.Outcome);
            }
            paymentId = await FindOursAsync(known, cancellationToken);
        }
        if (paymentId is null)
        {
            LogUnknown(logger, refund.PaymentId);
            return YooKassaNotificationOutcome.Unknown;
        }
        var result = await IPaymentProviderEvents.Of(grains, paymentId)
            .RecordRefundAsync(refund.Id, refund.Amount.Value, refund.Amount.Currency, new Actor("yookassa", refund.Id));
        return Outcome(result);
    }

    /// <summary>Our payment for YooKassa's: by the stored id, else by the metadata we sent, if that payment agrees.</summary>
    private async Task<string?> FindOursAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (await directory.FindByProviderPaymentIdAsync(PaymentProvider.YooKassa, payment.Id, cancellationToken) is { } indexed)
        {
            return indexed;
        }
        if (payment.Metadata?.GetValueOrDefault("payment_id") is not { } candidate || !PaymentIds.IsWellFormed(candidate))
        {
            return null;
        }
        var ours = await grains.GetGrain<IPaymentGrain>(candidate).GetAsync();
        return ours is { Provider: PaymentProvider.YooKassa } && (ours.ProviderPaymentId is null || ours.ProviderPaymentId == payment.Id)
            && ours.UserId == payment.Metadata.GetValueOrDefault("user_id")
            ? candidate
            : null;
    }

    private static YooKassaNotificationOutcome Unread(ProviderCallOutcome outcome) => outcome == ProviderCallOutcome.NotFound
        ? YooKassaNotificationOutcome.Unknown
        : YooKassaNotificationOutcome.ProviderUnavailable;

    private static YooKassaNotificationOutcome Outcome(PaymentResult? result) => result?.Outcome switch
    {
        null => YooKassaNotificationOutcome.Ignored,
        PaymentOutcome.Done => YooKassaNotificationOutcome.Applied,
        PaymentOutcome.Unchanged => YooKassaNotificationOutcome.Unchanged,
        PaymentOutcome.NotFound => YooKassaNotificationOutcome.Unknown,
        PaymentOutcome.ProviderUnavailable => YooKassaNotificationOutcome.ProviderUnavailable,
        _ => YooKassaNotificationOutcome.Rejected,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A YooKassa notification concerns YooKassa payment {ProviderPaymentId}, which is none of ours")]
    private static partial void LogUnknown(ILogger logger, string providerPaymentId);
}
