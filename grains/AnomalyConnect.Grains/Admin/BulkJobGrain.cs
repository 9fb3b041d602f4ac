using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Grains.Audit;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains.Admin;

/// <summary>
/// A bulk action as a grain. Each turn queues the next page of matching users (in id order, after the cursor) as
/// <see cref="BulkApply"/> outbox messages and arms its page timer for the next; the queued messages, the cursor and
/// the timer commit together, so a crash or a restart resumes exactly where the last turn ended. Results come back
/// through <see cref="RecordResultAsync"/>, counted once per user.
/// </summary>
internal sealed class BulkJobGrain(IOptions<BulkJobOptions> options) : Grain<BulkJobState>, IBulkJobGrain
{
    public const string GrainType = "bulk-job";
    public const string PageTimer = "page";

    public Task<BulkJobView> StartAsync(BulkJobRequest request, Actor actor) => UpdateAsync(async turn =>
    {
        if (turn.State is { } existing)
        {
            return BulkJobViews.Of(Key, existing);
        }
        var state = new BulkJobState
        {
            Filter = request.Filter with { Query = BulkUserFilter.NormalizeQuery(request.Filter.Query) },
            Action = request.Action,
            CreatedBy = actor,
            CreatedAt = turn.Now,
        };
        state.Matched = await BulkJobUsers.CountAsync(turn.Connection, turn.Transaction, state.Filter);
        turn.State = state;
        await AuditAsync(turn, "bulk_job.started", actor, new Dictionary<string, string?>
        {
            ["action"] = BulkJobViews.Describe(state.Action),
            ["query"] = state.Filter.Query,
            ["status"] = state.Filter.Status?.ToString(),
            ["matched"] = state.Matched.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await QueueNextPageAsync(turn, state);
        return BulkJobViews.Of(Key, state);
    });

    public async Task<BulkJobView?> GetAsync() =>
        await ReadStateAsync() is { } state ? BulkJobViews.Of(Key, state) : null;

    public Task<bool> RecordResultAsync(string userId, BulkItemOutcome outcome) => UpdateAsync(async turn =>
    {
        if (turn.State is not { } state || !await BulkJobItems.TryAddAsync(turn.Connection, turn.Transaction, Key, userId, outcome, turn.Now))
        {
            return false;
        }
        state.Processed++;
        switch (outcome)
        {
            case BulkItemOutcome.Changed:
                state.Changed++;
                break;
            case BulkItemOutcome.Unchanged:
                state.Unchanged++;
                break;
            case BulkItemOutcome.Skipped:
                state.Skipped++;
                break;
            default:
                state.Failed++;
                break;
        }
        await CompleteIfDoneAsync(turn, state);
        return true;
    });

    protected override Task OnTimerAsync(GrainTurn<BulkJobState> turn, string timerName) =>
        timerName == PageTimer ? QueueNextPageAsync(turn, turn.State!) : Task.CompletedTask;

    private async Task QueueNextPageAsync(GrainTurn<BulkJobState> turn, BulkJobState state)
    {
        if (state.PagingDone)
        {
            return;
        }
        var settings = options.Value;
        var room = settings.MaxOutstanding - (state.Enqueued - state.Processed);
        if (room <= 0)
        {
            turn.SetTimer(PageTimer, turn.Now + settings.WaitWhenFull);
            return;
        }
        var limit = (int)Math.Min(room, settings.PageSize);
        var userIds = await BulkJobUsers.NextPageAsync(turn.Connection, turn.Transaction, state.Filter, state.Cursor, limit);
        foreach (var userId in userIds)
        {
            turn.Send(BulkApply.OutboxKind, BulkApply.PartitionOf(Key, userId), new BulkApply(Key, userId, state.Action, state.CreatedBy));
        }
        state.Enqueued += userIds.Count;
        state.Cursor = userIds.Count > 0 ? userIds[^1] : state.Cursor;
        if (userIds.Count < limit)
        {
            state.PagingDone = true;
            turn.CancelTimer(PageTimer);
            await CompleteIfDoneAsync(turn, state);
        }
        else
        {
            turn.SetTimer(PageTimer, turn.Now);
        }
    }

    private Task CompleteIfDoneAsync(GrainTurn<BulkJobState> turn, BulkJobState state)
    {
        if (!state.PagingDone || state.Processed < state.Enqueued || state.CompletedAt is not null)
        {
            return Task.CompletedTask;
        }
        state.CompletedAt = turn.Now;
        return AuditAsync(turn, "bulk_job.completed", Actor.System, BulkJobViews.Counts(state));
    }

    private Task AuditAsync(GrainTurn<BulkJobState> turn, string action, Actor actor, IReadOnlyDictionary<string, string?> details) =>
        AuditStore.RecordAsync(turn.Connection, turn.Transaction, new AuditRecord(action, GrainType, Key, actor, details), turn.Now);
}
