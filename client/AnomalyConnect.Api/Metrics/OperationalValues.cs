using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// The figures /metrics reads from the database at scrape time. Payments are null when this build has no payment
/// directory or it could not answer.
/// </summary>
public sealed record OperationalValues(
    bool DatabaseUp,
    IReadOnlyDictionary<UserStatus, long> UsersByStatus,
    IReadOnlyList<NodeSummary> Nodes,
    OperationsSnapshot? Operations,
    IReadOnlyDictionary<PaymentStatus, long>? PaymentsByStatus,
    RevenueReport? Revenue)
{
    public static OperationalValues Unknown { get; } = new(false, new Dictionary<UserStatus, long>(), [], null, null, null);
}
