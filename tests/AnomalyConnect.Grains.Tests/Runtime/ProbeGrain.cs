using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Tests.Runtime;

public sealed class ProbeGrain : Grain<ProbeState>, IProbeGrain
{
    public const string NoteKind = "probe.note";
    public const string EmailIndex = "email";

    public Task SetAsync(string value, string? email = null) => UpdateAsync(turn =>
    {
        turn.State ??= new ProbeState();
        turn.State.Value = value;
        if (email is not null)
        {
            turn.SetIndex(EmailIndex, email);
        }
        return true;
    });

    public Task AppendAsync(string text) => UpdateAsync(turn =>
    {
        turn.State ??= new ProbeState();
        turn.State.Value += text;
        return true;
    });

    public async Task<ProbeView?> GetAsync() =>
        await ReadStateAsync() is { } state ? new ProbeView(state.Value, state.Fired) : null;

    public Task ScheduleAsync(string timer, DateTimeOffset dueAt) => UpdateAsync(turn =>
    {
        turn.State ??= new ProbeState();
        turn.SetTimer(timer, dueAt);
        return true;
    });

    public Task CancelAsync(string timer) => UpdateAsync(turn =>
    {
        turn.CancelTimer(timer);
        return true;
    });

    public Task SendAsync(string partition, string text) => UpdateAsync(turn =>
    {
        turn.State ??= new ProbeState();
        turn.Send(NoteKind, partition, new ProbeNote(partition, text));
        return true;
    });

    public Task ChangeThenFailAsync()
    {
        return UpdateAsync<bool>(ChangeThenFail);

        static bool ChangeThenFail(GrainTurn<ProbeState> turn)
        {
            turn.State!.Value = "changed";
            turn.Send(NoteKind, "rollback", new ProbeNote("rollback", "must not be sent"));
            turn.SetTimer("rollback", turn.Now);
            throw new InvalidOperationException("the turn fails after changing things");
        }
    }

    public Task HoldTurnAsync(Task release) => UpdateAsync(async turn =>
    {
        turn.State!.Value = "held";
        await release;
        return true;
    });

    public Task DeleteAsync() => UpdateAsync(turn =>
    {
        turn.State = null;
        return true;
    });

    protected override Task OnTimerAsync(GrainTurn<ProbeState> turn, string timerName)
    {
        turn.State!.Fired.Add(timerName);
        return Task.CompletedTask;
    }
}

public sealed class ProbeState
{
    public string Value { get; set; } = "";

    public List<string> Fired { get; set; } = [];
}

public sealed record ProbeNote(string Partition, string Text);
