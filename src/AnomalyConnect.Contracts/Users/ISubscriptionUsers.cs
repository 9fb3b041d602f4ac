namespace AnomalyConnect.Contracts.Users;

/// <summary>
/// The way from a subscription token to its user on the subscription hot path. Answers come from a per-process
/// copy kept current by the database's change notifications, so a repeated fetch costs no round trip; a change
/// committed anywhere (any silo, any process) is seen by the next fetch after its notification arrives.
/// </summary>
public interface ISubscriptionUsers
{
    /// <summary>
    /// The token's user, or null for an unknown or revoked token. Personal details (Telegram id, username, display
    /// name, email, employee id) are left out: a subscription never shows them.
    /// </summary>
    ValueTask<UserView?> FindAsync(string token, CancellationToken cancellationToken);
}
