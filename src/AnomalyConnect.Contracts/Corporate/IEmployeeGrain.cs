using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Corporate;

/// <summary>
/// One corporate id (key: employee id): its place in the registry and the user that holds its access. Every change
/// is audited in the same turn. Events carry their time; an event older than the last applied changes nothing.
/// </summary>
public interface IEmployeeGrain : IGrain
{
    /// <summary>Grants (idempotent: the same user comes back, reactivated) and issues a one-time activation code.</summary>
    Task<EmployeeResult> GrantAsync(GrantRequest request, Actor actor, DateTimeOffset? occurredAt = null, bool registryEnforced = false);

    Task<EmployeeResult> DeactivateAsync(Actor actor, string reason, DateTimeOffset? occurredAt = null);

    Task<EmployeeResult> ReinstateAsync(Actor actor, DateTimeOffset? occurredAt = null);

    /// <summary>Adds the id to the registry, or revokes it there (which also deactivates its access).</summary>
    Task<EmployeeResult> SetRegistryAsync(RegistryState state, Actor actor);

    Task<EmployeeView?> GetAsync();

    /// <summary>Applies a signed HR event once (a repeated event id is Duplicate, an older one Stale), in one turn with its dedupe record.</summary>
    Task<EmployeeResult> ApplyHrEventAsync(HrEvent hrEvent, Actor actor);

    /// <summary>Redeems this employee's one-time activation code: links the Telegram account to the employee's user.</summary>
    Task<ActivationOutcome> RedeemActivationCodeAsync(string code, long telegramId);
}
