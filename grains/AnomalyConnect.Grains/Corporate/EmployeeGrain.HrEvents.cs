using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// Signed HR events: each event id is recorded in <c>hr_events</c> in the same turn as the change it causes, so a replay
/// finds it and changes nothing; an event older than the last applied to the id changes nothing either.
/// </summary>
internal sealed partial class EmployeeGrain
{
    public async Task<EmployeeResult> ApplyHrEventAsync(HrEvent hrEvent, Actor actor)
    {
        var normalized = hrEvent with { OccurredAt = hrEvent.OccurredAt.ToUniversalTime() };
        if (EmployeeRules.Validate(Key, normalized) is { } error)
        {
            return new EmployeeResult(EmployeeOutcome.Invalid, null, Error: error);
        }
        try
        {
            return await Turn(turn => ApplyHrEventInTurnAsync(turn, normalized, actor));
        }
        catch (HrEventRejectedException rejected)
        {
            // Thrown inside the turn so that its dedupe row rolls back with it: the sender may fix and resend the event.
            return new EmployeeResult(EmployeeOutcome.Invalid, null, Error: rejected.Message);
        }
    }

    private async Task<EmployeeResult> ApplyHrEventInTurnAsync(GrainTurn<EmployeeState> turn, HrEvent hrEvent, Actor actor)
    {
        if (!await HrEventLog.TryRecordAsync(turn.Connection, turn.Transaction, hrEvent, turn.Now))
        {
            return Result(turn, EmployeeOutcome.Duplicate);
        }
        if (EmployeeRules.IsStale(turn.State, hrEvent.OccurredAt))
        {
            await HrEventLog.SetOutcomeAsync(turn.Connection, turn.Transaction, hrEvent.EventId, HrEventLog.Stale);
            await AuditAsync(turn, EmployeeAuditActions.HrEventIgnored, actor,
                new { type = HrEventLog.TypeName(hrEvent.Type), occurred_at = hrEvent.OccurredAt, last_event_at = turn.State!.LastEventAt });
            return Result(turn, EmployeeOutcome.Stale);
        }
        // An event about an id we never saw is still remembered, so that an older event arriving later stays stale.
        turn.State ??= EmployeeState.New(turn.Now);
        var result = hrEvent.Type switch
        {
            HrEventType.Hired => await HireAsync(turn, hrEvent, actor),
            HrEventType.Terminated => await TerminateAsync(turn, hrEvent, actor),
            HrEventType.Suspended => await DeactivateInTurnAsync(turn, actor, "suspended (HR event)", hrEvent.OccurredAt),
            _ => await ReinstateFromHrAsync(turn, hrEvent, actor),
        };
        if (result.Outcome == EmployeeOutcome.Invalid)
        {
            throw new HrEventRejectedException(result.Error ?? "The event could not be applied.");
        }
        turn.State.Touch(turn.Now, hrEvent.OccurredAt);
        return result;
    }

    private async Task<EmployeeResult> HireAsync(GrainTurn<EmployeeState> turn, HrEvent hrEvent, Actor actor)
    {
        await SetRegistryInTurnAsync(turn, RegistryState.Registered, actor);
        return await GrantInTurnAsync(turn, EmployeeRules.ToGrant(hrEvent), actor, hrEvent.OccurredAt, registryEnforced: false);
    }

    private async Task<EmployeeResult> TerminateAsync(GrainTurn<EmployeeState> turn, HrEvent hrEvent, Actor actor)
    {
        await SetRegistryInTurnAsync(turn, RegistryState.Revoked, actor);
        return await DeactivateInTurnAsync(turn, actor, "terminated (HR event)", hrEvent.OccurredAt);
    }

    private async Task<EmployeeResult> ReinstateFromHrAsync(GrainTurn<EmployeeState> turn, HrEvent hrEvent, Actor actor)
    {
        await SetRegistryInTurnAsync(turn, RegistryState.Registered, actor);
        return await ReinstateInTurnAsync(turn, actor, hrEvent.OccurredAt);
    }
}
