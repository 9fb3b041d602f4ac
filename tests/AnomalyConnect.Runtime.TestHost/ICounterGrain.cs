using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Runtime.TestHost;

/// <summary>A grain used only to prove the runtime: a counter with a timer and an outbox.</summary>
public interface ICounterGrain : IGrain
{
    Task<long> AddAsync(long amount);

    Task<CounterSnapshot?> GetAsync();

    Task ScheduleRingAsync(DateTimeOffset dueAt);

    Task SendNoteAsync(string note);
}

public sealed record CounterSnapshot(long Value, int Rings);
