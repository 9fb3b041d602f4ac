using AnomalyConnect.Contracts.Audit;

namespace AnomalyConnect.Contracts.Catalog;

/// <summary>Tariffs and promo codes, for the bot, the admin API and the admin UI.</summary>
public interface ICatalog
{
    Task<IReadOnlyList<Tariff>> ListTariffsAsync(bool includeArchived, CancellationToken cancellationToken);

    Task<Tariff?> GetTariffAsync(string tariffId, CancellationToken cancellationToken);

    /// <summary>Creates or updates a tariff; null with a sentence when invalid.</summary>
    Task<(Tariff? Tariff, string? Error)> SaveTariffAsync(Tariff tariff, Actor actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<PromoCode>> ListPromoCodesAsync(bool includeArchived, CancellationToken cancellationToken);

    Task<PromoCode?> GetPromoCodeAsync(string code, CancellationToken cancellationToken);

    Task<(PromoCode? PromoCode, string? Error)> SavePromoCodeAsync(PromoCode promoCode, Actor actor, CancellationToken cancellationToken);
}
