namespace AnomalyConnect.Contracts.Users;

/// <summary>The secrets a user connects and subscribes with; each is at least 128 bits of randomness.</summary>
public sealed record UserCredentials(string VlessUuid, string Hysteria2Auth, string SubscriptionToken);
