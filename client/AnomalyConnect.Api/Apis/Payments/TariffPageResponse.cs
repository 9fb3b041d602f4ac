using AnomalyConnect.Contracts.Catalog;

namespace AnomalyConnect.Api.Apis.Payments;

public sealed record TariffPageResponse(IReadOnlyList<Tariff> Tariffs);
