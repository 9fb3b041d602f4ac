using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>What granting did to the employee's user: the user afterwards (null on failure), whether it was created, why not.</summary>
internal sealed record UserGrant(UserView? User, bool Created, string? Error);
