using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Catalog;

/// <summary>
/// Tariffs and promo codes. Each is a grain: a save is one turn that writes the audit entry with the change; lists
/// read committed state.
/// </summary>
internal sealed class ProductCatalog(IGrainFactory grains, NpgsqlDataSource dataSource) : ICatalog
{
    public async Task<IReadOnlyList<Tariff>> ListTariffsAsync(bool includeArchived, CancellationToken cancellationToken)
    {
        var tariffs = await ListAsync<TariffState>(TariffGrain.GrainType, cancellationToken);
        return [.. tariffs
            .Select(t => TariffGrain.Of(t.Key, t.State))
            .Where(t => includeArchived || !t.Archived)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.PriceRub).ThenBy(t => t.TariffId, StringComparer.Ordinal)];
    }

    public Task<Tariff?> GetTariffAsync(string tariffId, CancellationToken cancellationToken) =>
        CatalogRules.IsWellFormedId(tariffId) ? grains.GetGrain<ITariffGrain>(tariffId).GetAsync() : Task.FromResult<Tariff?>(null);

    public async Task<(Tariff? Tariff, string? Error)> SaveTariffAsync(Tariff tariff, Actor actor, CancellationToken cancellationToken)
    {
        if (CatalogRules.Validate(tariff) is { } error)
        {
            return (null, error);
        }
        return (await grains.GetGrain<ITariffGrain>(tariff.TariffId).SaveAsync(tariff, actor), null);
    }

    public async Task<IReadOnlyList<PromoCode>> ListPromoCodesAsync(bool includeArchived, CancellationToken cancellationToken)
    {
        var codes = await ListAsync<PromoCodeState>(PromoCodeGrain.GrainType, cancellationToken);
        return [.. codes
            .Select(c => c.State.ToPromoCode(c.Key))
            .Where(c => includeArchived || !c.Archived)
            .OrderBy(c => c.Code, StringComparer.Ordinal)];
    }

    public Task<PromoCode?> GetPromoCodeAsync(string code, CancellationToken cancellationToken)
    {
        var key = PromoCodes.Normalize(code);
        return PromoCodes.IsWellFormed(key) ? Editor(key).ReadAsync() : Task.FromResult<PromoCode?>(null);
    }

    public async Task<(PromoCode? PromoCode, string? Error)> SavePromoCodeAsync(PromoCode promoCode, Actor actor, CancellationToken cancellationToken)
    {
        var normalized = promoCode with { Code = PromoCodes.Normalize(promoCode.Code ?? "") };
        if (CatalogRules.Validate(normalized) is { } error)
        {
            return (null, error);
        }
        foreach (var tariffId in normalized.TariffIds)
        {
            if (await GetTariffAsync(tariffId, cancellationToken) is null)
            {
                return (null, $"tariff_ids names '{tariffId}', and there is no such tariff.");
            }
        }
        return (await Editor(normalized.Code).SaveAsync(normalized, actor), null);
    }

    private IPromoCodeEditor Editor(string code) => (IPromoCodeEditor)grains.GetGrain<IPromoCodeGrain>(code);

    private Task<List<(string Key, TState State)>> ListAsync<TState>(string grainType, CancellationToken cancellationToken) =>
        StateStore.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT grain_key, state::text FROM grain_state WHERE grain_type = $1 AND state IS NOT NULL");
            command.Parameters.Add(new() { Value = grainType });
            var rows = new List<(string, TState)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), GrainJson.Deserialize<TState>(reader.GetString(1))));
            }
            return rows;
        });
}
