using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Payments.Messages;

namespace AnomalyConnect.Grains.Payments.Handlers;

/// <summary>Gives a canceled payment's promo code use back; releasing twice releases once.</summary>
internal sealed class PromoReleaseHandler(IGrainFactory grains) : IOutboxHandler
{
    public string Kind => PaymentOutboxKinds.PromoRelease;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var release = message.Read<PromoRelease>();
        return grains.GetGrain<IPromoCodeGrain>(release.Code).ReleaseAsync(release.UserId, release.PaymentId);
    }
}
