using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Users;

/// <summary>A user: status, term, traffic, credentials and placement on nodes, with its timers.</summary>
public interface IUserGrain : IGrain
{
    /// <summary>Creates the user with fresh credentials and places it on nodes; AlreadyExists if it exists.</summary>
    Task<UserResult> CreateAsync(NewUser user, Actor? actor = null);

    /// <summary>The user as committed, or null.</summary>
    Task<UserView?> GetAsync();

    /// <summary>Applies one change, audits it (by <paramref name="actor"/>, system when null) and pushes its consequences to the nodes.</summary>
    Task<UserResult> ApplyAsync(UserAction action, Actor? actor = null);

    /// <summary>Re-evaluates status after traffic was counted: limit reached, on-hold term started, usage warnings.</summary>
    Task<UserResult> ReviewUsageAsync();

    /// <summary>Removes the user from every node and deletes it.</summary>
    Task<UserResult> DeleteAsync(Actor? actor = null);
}
