namespace AnomalyConnect.Grains.Admin;

/// <summary>How fast a bulk job feeds the outbox (section <c>BulkJobs</c>; tests slow it down to stop a silo midway).</summary>
public sealed class BulkJobOptions
{
    public const string SectionName = "BulkJobs";

    /// <summary>Most users one turn of the job queues.</summary>
    public int PageSize { get; set; } = 250;

    /// <summary>
    /// Most changes of one job waiting in the outbox at a time. The outbox delivers oldest first, so a bound keeps a
    /// large job from delaying node polls and user syncs queued after it.
    /// </summary>
    public int MaxOutstanding { get; set; } = 1000;

    /// <summary>How long the job waits before looking again when <see cref="MaxOutstanding"/> changes are still pending.</summary>
    public TimeSpan WaitWhenFull { get; set; } = TimeSpan.FromSeconds(1);
}
