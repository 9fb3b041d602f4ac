using Quartz;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>
/// The clustered Quartz job behind every grain timer: Quartz fires it on one silo at a time and, when that silo
/// dies, on another; the sweep fires whatever grain timers are due.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class TimerSweepJob(TimerSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("grain-timer-sweep", "grain-runtime");

    public static readonly TriggerKey TriggerKey = new("grain-timer-sweep", "grain-runtime");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
