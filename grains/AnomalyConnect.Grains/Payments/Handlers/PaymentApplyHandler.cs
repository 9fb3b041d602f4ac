using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Payments.Messages;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Grains.Payments.Handlers;

/// <summary>
/// Gives the user what a succeeded payment bought. Delivery is at least once; the user applies a payment id at most
/// once (a repeat is Unchanged), and only then is the payment marked applied.
/// </summary>
internal sealed partial class PaymentApplyHandler(IGrainFactory grains, ILogger<PaymentApplyHandler> logger) : IOutboxHandler
{
    public string Kind => PaymentOutboxKinds.Apply;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var apply = message.Read<PaymentApply>();
        var result = await grains.GetGrain<IUserGrain>(apply.UserId).ApplyAsync(
            new UserAction.ApplyPayment(apply.PaymentId, apply.Days, apply.TrafficLimitBytes, apply.DeviceLimit, ResetUsage: true),
            Actor.Payment(apply.PaymentId));
        switch (result.Outcome)
        {
            case UserOutcome.Done or UserOutcome.Unchanged:
                await IPaymentProviderEvents.Of(grains, apply.PaymentId).MarkAppliedAsync();
                return;
            case UserOutcome.NotFound:
                LogUserGone(logger, apply.PaymentId, apply.UserId);
                throw new PermanentDeliveryFailureException($"Payment {apply.PaymentId} was paid but user {apply.UserId} no longer exists; refund it.");
            default:
                LogRefused(logger, apply.PaymentId, apply.UserId, result.Error ?? result.Outcome.ToString());
                throw new PermanentDeliveryFailureException($"User {apply.UserId} refused payment {apply.PaymentId}: {result.Error}");
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Payment {PaymentId} was paid but user {UserId} no longer exists: refund it")]
    private static partial void LogUserGone(ILogger logger, string paymentId, string userId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Payment {PaymentId} was paid but user {UserId} refused it: {Reason}")]
    private static partial void LogRefused(ILogger logger, string paymentId, string userId, string reason);
}
