namespace AnomalyConnect.Grains.Messages;

/// <summary>The kinds of outbox message the grains send, and how each is partitioned (ordered).</summary>
public static class OutboxKinds
{
    public const string NodeUserSync = "node.user-sync";
    public const string NodeTick = "node.tick";
    public const string NodeHeartbeat = "node.heartbeat";
    public const string NodeResync = "node.resync";
    public const string NodeEvacuate = "node.evacuate";
    public const string UserReview = "user.review";
    public const string UserNotification = "user.notification";

    public static string NodeUserPartition(string nodeId, string protocol, string userId) => $"node:{nodeId}:{protocol}:{userId}";

    /// <summary>Ticks and heartbeats of a node share it, so that two probes of one node are never applied out of order.</summary>
    public static string NodeTickPartition(string nodeId) => $"node-tick:{nodeId}";

    public static string NodeResyncPartition(string nodeId) => $"node-resync:{nodeId}";

    public static string NodeEvacuatePartition(string nodeId) => $"node-evacuate:{nodeId}";

    public static string UserPartition(string userId) => $"user:{userId}";

    public static string TelegramPartition(long telegramId) => $"telegram:{telegramId}";
}
