namespace AnomalyConnect.Grains.Runtime;

/// <summary>Tuning of the grain runtime; the defaults suit a production silo.</summary>
public sealed class GrainRuntimeOptions
{
    public const string SectionName = "GrainRuntime";

    /// <summary>Unique name of this process in the cluster (Quartz instance id, outbox lease owner).</summary>
    public string SiloName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How often the clustered sweep looks for due grain timers.</summary>
    public TimeSpan TimerSweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest a single sweep keeps firing timers before it yields to the next trigger.</summary>
    public TimeSpan TimerSweepBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many timers fire at once within one sweep.</summary>
    public int TimerParallelism { get; set; } = 8;

    /// <summary>How often the outbox is polled when nothing in this process signalled new entries.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a claimed outbox entry stays with this process before another may take it.</summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many outbox entries are delivered at once.</summary>
    public int OutboxParallelism { get; set; } = 16;

    /// <summary>Longest wait between two delivery attempts of one outbox entry.</summary>
    public TimeSpan OutboxMaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Quartz cluster check-in: how often this silo says it is alive.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How late a check-in may be before the silo is taken for dead and its work recovered.</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);
}
