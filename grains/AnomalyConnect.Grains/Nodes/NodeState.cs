using AnomalyConnect.Contracts.Nodes;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>The node grain's state. Its last-seen counters per user live beside it in <c>node_counter_sets</c>.</summary>
internal sealed class NodeState
{
    public required string Name { get; set; }

    public required string Region { get; set; }

    public required string Address { get; set; }

    public int Capacity { get; set; }

    public int Priority { get; set; }

    public XrayDefinition? Xray { get; set; }

    public Hysteria2Definition? Hysteria2 { get; set; }

    /// <summary>The secret Hysteria2's auth hook presents (in its URL) to prove it is this node.</summary>
    public required string AuthHookSecret { get; set; }

    public NodeHealth Health { get; set; }

    public int ConsecutiveFailures { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    public DateTimeOffset? LastHealthyAt { get; set; }

    public long? LastCoreUptimeSeconds { get; set; }

    public long UploadBytes { get; set; }

    public long DownloadBytes { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public bool Serves(Contracts.Users.NodeProtocol protocol) => protocol switch
    {
        Contracts.Users.NodeProtocol.Vless => Xray is not null,
        Contracts.Users.NodeProtocol.Hysteria2 => Hysteria2 is not null || Xray?.HysteriaInboundTag is not null,
        _ => false,
    };
}
