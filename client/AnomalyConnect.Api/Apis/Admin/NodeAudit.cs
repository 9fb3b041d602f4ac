using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>
/// Node changes an admin made, for the audit trail. The node grain does not audit its own turns, so the front end
/// records each change that took effect (admin API and admin UI alike) with who asked and from where.
/// </summary>
public static class NodeAudit
{
    public static Task RecordAsync(IAuditLog audit, NodeResult result, string action, string nodeId, Actor actor, CancellationToken cancellationToken)
    {
        if (result.Outcome != NodeOutcome.Done)
        {
            return Task.CompletedTask;
        }
        var details = result.Node is { } node
            ? new Dictionary<string, string?>
            {
                ["name"] = node.Name,
                ["region"] = node.Region,
                ["address"] = node.Address,
                ["capacity"] = node.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["xray"] = node.Xray is null ? null : $"{node.Xray.Flavor} {node.Xray.Security} port {node.Xray.Port}",
                ["hysteria2"] = node.Hysteria2 is null ? null : $"port {node.Hysteria2.Port}",
            }
            : null;
        return audit.RecordAsync(new AuditRecord(action, "node", nodeId, actor, details), cancellationToken);
    }
}
