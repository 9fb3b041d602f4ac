using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Grains.Tests.Runtime;

/// <summary>A grain that exercises each part of a turn, for the runtime's in-process tests.</summary>
public interface IProbeGrain : IGrain
{
    Task SetAsync(string value, string? email = null);

    Task<ProbeView?> GetAsync();

    /// <summary>Appends to the value, creating the grain when it does not exist: a lost update shows as a short value.</summary>
    Task AppendAsync(string text);

    Task ScheduleAsync(string timer, DateTimeOffset dueAt);

    Task CancelAsync(string timer);

    Task SendAsync(string partition, string text);

    Task ChangeThenFailAsync();

    Task HoldTurnAsync(Task release);

    Task DeleteAsync();
}

public sealed record ProbeView(string Value, IReadOnlyList<string> FiredTimers);
