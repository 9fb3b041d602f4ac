using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Grains.Catalog;

/// <summary>One tariff (key: its id). Reached through <see cref="ICatalog"/>; every save is audited in its turn.</summary>
internal interface ITariffGrain : IGrain
{
    Task<Tariff?> GetAsync();

    /// <summary>Creates or replaces the tariff (already validated).</summary>
    Task<Tariff> SaveAsync(Tariff tariff, Actor actor);
}
