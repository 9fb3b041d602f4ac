using AnomalyConnect.Contracts.Catalog;

namespace AnomalyConnect.Api.Apis.Payments;

public sealed record PromoCodePageResponse(IReadOnlyList<PromoCode> PromoCodes);
