using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Payments.Messages;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Grains.Payments.Handlers;

/// <summary>Grants a standalone promo code's days; the user applies one redemption at most once.</summary>
internal sealed partial class PromoGrantHandler(IGrainFactory grains, ILogger<PromoGrantHandler> logger) : IOutboxHandler
{
    public string Kind => PaymentOutboxKinds.PromoGrant;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var grant = message.Read<PromoGrant>();
        var result = await grains.GetGrain<IUserGrain>(grant.UserId).ApplyAsync(
            new UserAction.ApplyPayment(grant.GrantId, grant.Days, TrafficLimitBytes: null, DeviceLimit: null, ResetUsage: false),
            new Actor("promo", grant.Code, Reference: grant.RedemptionId));
        if (result.Outcome is not (UserOutcome.Done or UserOutcome.Unchanged))
        {
            LogRefused(logger, grant.Code, grant.UserId, result.Error ?? result.Outcome.ToString());
            throw new PermanentDeliveryFailureException($"Promo code {grant.Code} could not be granted to user {grant.UserId}: {result.Error ?? result.Outcome.ToString()}");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Promo code {Code} could not be granted to user {UserId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string code, string userId, string reason);
}
