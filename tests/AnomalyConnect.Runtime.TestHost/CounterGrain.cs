using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AnomalyConnect.Runtime.TestHost;

public sealed class CounterGrain(IOptions<GrainRuntimeOptions> options) : Grain<CounterState>, ICounterGrain
{
    public const string RingTimer = "ring";
    public const string NoteKind = "test.note";

    public Task<long> AddAsync(long amount) => UpdateAsync(turn =>
    {
        turn.State ??= new CounterState();
        turn.State.Value += amount;
        return turn.State.Value;
    });

    public async Task<CounterSnapshot?> GetAsync() =>
        await ReadStateAsync() is { } state ? new CounterSnapshot(state.Value, state.Rings) : null;

    public Task ScheduleRingAsync(DateTimeOffset dueAt) => UpdateAsync(turn =>
    {
        turn.State ??= new CounterState();
        turn.SetTimer(RingTimer, dueAt);
        return true;
    });

    public Task SendNoteAsync(string note) => UpdateAsync(turn =>
    {
        turn.State ??= new CounterState();
        turn.Send(NoteKind, $"counter:{Key}", new Note(Key, note));
        return true;
    });

    protected override async Task OnTimerAsync(GrainTurn<CounterState> turn, string timerName)
    {
        turn.State!.Rings++;
        await using var record = new NpgsqlCommand(
            "INSERT INTO test_timer_fires (grain_key, silo) VALUES ($1, $2)", turn.Connection, turn.Transaction);
        record.Parameters.Add(new() { Value = Key });
        record.Parameters.Add(new() { Value = options.Value.SiloName });
        await record.ExecuteNonQueryAsync();
    }
}

public sealed class CounterState
{
    public long Value { get; set; }

    public int Rings { get; set; }
}

public sealed record Note(string Counter, string Text);
