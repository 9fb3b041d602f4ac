namespace AnomalyConnect.Benchmarks.Infrastructure;

/// <summary>Samples a process's VmRSS every 100 ms in the background and keeps the peak, overall and since a mark.</summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly int pid;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task sampling;
    private double peakSinceMark;

    public RssSampler(int pid)
    {
        this.pid = pid;
        sampling = Task.Run(SampleAsync);
    }

    public double PeakMiB { get; private set; }

    public double PeakSinceMarkMiB => Volatile.Read(ref peakSinceMark);

    public string PeakPhase { get; private set; } = "";

    /// <summary>What the silo is doing now, recorded with the peak.</summary>
    public string Phase { get; set; } = "start";

    public double CurrentMiB => ProcessStats.ResidentMiB(pid);

    public void Mark() => Volatile.Write(ref peakSinceMark, 0);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await sampling.ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var rss = ProcessStats.ResidentMiB(pid);
            if (rss > PeakMiB)
            {
                PeakMiB = rss;
                PeakPhase = Phase;
            }
            if (rss > Volatile.Read(ref peakSinceMark))
            {
                Volatile.Write(ref peakSinceMark, rss);
            }
            await Task.Delay(100, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
