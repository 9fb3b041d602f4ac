namespace AnomalyConnect.Benchmarks.World;

/// <summary>A user written straight into the database, with what the benchmarks need of it.</summary>
public sealed record SeededUser(string UserId, string VlessUuid, string SubscriptionToken, string NodeId);
