using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;

namespace AnomalyConnect.Grains.Catalog;

/// <summary>
/// The admin's side of a promo code grain, for <see cref="ProductCatalog"/>. Not a grain interface of its own: the
/// runtime registers one interface per grain type, so the catalog reaches it through <see cref="IPromoCodeGrain"/>.
/// </summary>
internal interface IPromoCodeEditor
{
    Task<PromoCode?> ReadAsync();

    /// <summary>Creates or replaces the definition (already validated); the uses taken are kept.</summary>
    Task<PromoCode> SaveAsync(PromoCode promoCode, Actor actor);
}
