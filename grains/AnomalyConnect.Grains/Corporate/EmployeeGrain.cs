using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Grains.Audit;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// One corporate id: its registry entry, its access (through its user) and its activation code. Every change is audited
/// in the turn that makes it. HR events: EmployeeGrain.HrEvents.cs; activation codes: EmployeeGrain.Activation.cs.
/// </summary>
internal sealed partial class EmployeeGrain(EmployeeUsers users, EmployeeTurnGate gate) : Grain<EmployeeState>, IEmployeeGrain
{
    public Task<EmployeeResult> GrantAsync(GrantRequest request, Actor actor, DateTimeOffset? occurredAt = null, bool registryEnforced = false) =>
        Turn(turn => GrantInTurnAsync(turn, request, actor, occurredAt?.ToUniversalTime(), registryEnforced));

    public Task<EmployeeResult> DeactivateAsync(Actor actor, string reason, DateTimeOffset? occurredAt = null) => Turn(async turn =>
        turn.State is null ? new EmployeeResult(EmployeeOutcome.NotFound, null)
        : EmployeeRules.IsStale(turn.State, occurredAt) ? Result(turn, EmployeeOutcome.Stale)
        : await DeactivateInTurnAsync(turn, actor, reason, occurredAt?.ToUniversalTime()));

    public Task<EmployeeResult> ReinstateAsync(Actor actor, DateTimeOffset? occurredAt = null) => Turn(async turn =>
        turn.State is null ? new EmployeeResult(EmployeeOutcome.NotFound, null)
        : EmployeeRules.IsStale(turn.State, occurredAt) ? Result(turn, EmployeeOutcome.Stale)
        : await ReinstateInTurnAsync(turn, actor, occurredAt?.ToUniversalTime()));

    public Task<EmployeeResult> SetRegistryAsync(RegistryState state, Actor actor) => Turn(async turn =>
    {
        switch (state)
        {
            case RegistryState.Registered:
                turn.State ??= EmployeeState.New(turn.Now);
                await SetRegistryInTurnAsync(turn, RegistryState.Registered, actor);
                return Result(turn, EmployeeOutcome.Done);
            case RegistryState.Revoked when turn.State is null:
                return new EmployeeResult(EmployeeOutcome.NotFound, null);
            case RegistryState.Revoked:
                if (await SetRegistryInTurnAsync(turn, RegistryState.Revoked, actor))
                {
                    await DeactivateInTurnAsync(turn, actor, "revoked in the corporate registry", occurredAt: null);
                }
                return Result(turn, EmployeeOutcome.Done);
            default:
                return new EmployeeResult(EmployeeOutcome.Invalid, EmployeeViews.OfNullable(Key, turn.State), Error: "An id leaves the registry by being revoked.");
        }
    });

    public async Task<EmployeeView?> GetAsync() => EmployeeViews.OfNullable(Key, await ReadStateAsync());

    private async Task<EmployeeResult> GrantInTurnAsync(
        GrainTurn<EmployeeState> turn, GrantRequest request, Actor actor, DateTimeOffset? occurredAt, bool registryEnforced)
    {
        if (EmployeeRules.Validate(Key, request) is { } error)
        {
            return new EmployeeResult(EmployeeOutcome.Invalid, EmployeeViews.OfNullable(Key, turn.State), Error: error);
        }
        if (EmployeeRules.IsStale(turn.State, occurredAt))
        {
            return Result(turn, EmployeeOutcome.Stale);
        }
        if (registryEnforced && turn.State?.Registry != RegistryState.Registered)
        {
            await AuditAsync(turn, EmployeeAuditActions.GrantRefused, actor, new { registry = turn.State?.Registry ?? RegistryState.Unregistered });
            return new EmployeeResult(EmployeeOutcome.NotRegistered, EmployeeViews.OfNullable(Key, turn.State));
        }
        var state = turn.State ?? EmployeeState.New(turn.Now);
        var granted = await users.GrantAsync(Key, state.UserId, request, actor, turn.Now);
        if (granted.User is not { } user)
        {
            return new EmployeeResult(EmployeeOutcome.Invalid, EmployeeViews.OfNullable(Key, turn.State), Error: granted.Error);
        }
        state.UserId = user.UserId;
        state.AccessEnabled = true;
        state.FullName = user.DisplayName;
        state.Email = user.Email;
        state.TelegramId = user.TelegramId;
        state.Touch(turn.Now, occurredAt);
        var code = IssueActivationCode(turn, state);
        turn.State = state;
        await AuditAsync(turn, EmployeeAuditActions.Granted, actor, new
        {
            user_id = user.UserId,
            created = granted.Created,
            days = request.Days,
            traffic_limit_bytes = request.TrafficLimitBytes,
            activation_code_expires_at = state.ActivationCodeExpiresAt,
        });
        return new EmployeeResult(EmployeeOutcome.Done, EmployeeViews.Of(Key, state), code);
    }

    private async Task<EmployeeResult> DeactivateInTurnAsync(GrainTurn<EmployeeState> turn, Actor actor, string reason, DateTimeOffset? occurredAt)
    {
        var state = turn.State!;
        var userChanged = state.UserId is { } userId && await users.DisableAsync(userId, reason, actor);
        var wasEnabled = state.AccessEnabled;
        state.AccessEnabled = false;
        ClearActivationCode(turn, state);
        state.Touch(turn.Now, occurredAt);
        if (wasEnabled || userChanged)
        {
            await AuditAsync(turn, EmployeeAuditActions.Deactivated, actor, new { user_id = state.UserId, reason });
        }
        return Result(turn, EmployeeOutcome.Done);
    }

    private async Task<EmployeeResult> ReinstateInTurnAsync(GrainTurn<EmployeeState> turn, Actor actor, DateTimeOffset? occurredAt)
    {
        var state = turn.State!;
        var user = state.UserId is { } userId ? await users.EnableAsync(userId, actor) : null;
        var wasEnabled = state.AccessEnabled;
        state.AccessEnabled = user is not null;
        state.Touch(turn.Now, occurredAt);
        if (wasEnabled != state.AccessEnabled)
        {
            await AuditAsync(turn, EmployeeAuditActions.Reinstated, actor, new { user_id = state.UserId });
        }
        return Result(turn, EmployeeOutcome.Done);
    }

    /// <summary>Moves the id to <paramref name="registry"/>; true (and audited) when that changed it.</summary>
    private async Task<bool> SetRegistryInTurnAsync(GrainTurn<EmployeeState> turn, RegistryState registry, Actor actor)
    {
        var state = turn.State!;
        if (state.Registry == registry)
        {
            return false;
        }
        var previous = state.Registry;
        state.Registry = registry;
        state.Touch(turn.Now, occurredAt: null);
        await AuditAsync(turn, registry == RegistryState.Registered ? EmployeeAuditActions.Registered : EmployeeAuditActions.Revoked, actor,
            new { previous });
        return true;
    }

    /// <summary>One turn, within the process's bound on concurrent employee turns (<see cref="EmployeeTurnGate"/>).</summary>
    private Task<T> Turn<T>(Func<GrainTurn<EmployeeState>, Task<T>> change) => gate.RunAsync(() => UpdateAsync(change));

    private EmployeeResult Result(GrainTurn<EmployeeState> turn, EmployeeOutcome outcome) => new(outcome, EmployeeViews.OfNullable(Key, turn.State));

    private Task AuditAsync(GrainTurn<EmployeeState> turn, string action, Actor actor, object details) =>
        AuditStore.RecordAsync(turn.Connection, turn.Transaction,
            new AuditRecord(action, EmployeeAuditActions.SubjectType, Key, actor, AuditDetails.From(details)), turn.Now);
}
