using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Grains.Audit;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Catalog;

internal sealed class TariffGrain : Grain<TariffState>, ITariffGrain
{
    public const string GrainType = "tariff";

    public async Task<Tariff?> GetAsync() =>
        await ReadStateAsync() is { } state ? Of(Key, state) : null;

    public Task<Tariff> SaveAsync(Tariff tariff, Actor actor) => UpdateAsync(async turn =>
    {
        var before = turn.State;
        var action = before is null ? "tariff.created"
            : tariff.Archived && !before.Archived ? "tariff.archived"
            : "tariff.updated";
        turn.State = new TariffState
        {
            Title = tariff.Title.Trim(),
            Days = tariff.Days,
            TrafficLimitBytes = tariff.TrafficLimitBytes,
            DeviceLimit = tariff.DeviceLimit,
            PriceRub = tariff.PriceRub,
            PriceStars = tariff.PriceStars,
            Archived = tariff.Archived,
            SortOrder = tariff.SortOrder,
            CreatedAt = before?.CreatedAt ?? turn.Now,
            UpdatedAt = turn.Now,
        };
        var saved = Of(Key, turn.State);
        await AuditStore.RecordAsync(turn.Connection, turn.Transaction,
            new AuditRecord(action, GrainType, Key, actor, AuditDetails.From(saved)), turn.Now);
        return saved;
    });

    public static Tariff Of(string tariffId, TariffState state) => new(
        tariffId, state.Title, state.Days, state.TrafficLimitBytes, state.DeviceLimit, state.PriceRub, state.PriceStars, state.Archived, state.SortOrder);
}
