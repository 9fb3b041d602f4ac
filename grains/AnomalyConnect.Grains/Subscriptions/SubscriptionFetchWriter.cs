using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AnomalyConnect.Grains.Subscriptions;

/// <summary>
/// Drains <see cref="SubscriptionFetchLog"/> four times a second into one insert (so that little waits in memory),
/// and trims the users it wrote to their newest fetches: a user with a bound's worth of fetches written since its
/// last trim at once, the others every <see cref="TrimEvery"/>. So a user holds at most
/// <see cref="SubscriptionFetchStore.KeptPerUser"/> fetches plus those of the last half minute, and a user fetching
/// all the time is trimmed once per period, not at every flush. A batch that fails is dropped with a warning: the
/// log is for operators, and retrying it could only grow behind a database that is away.
/// </summary>
internal sealed partial class SubscriptionFetchWriter(
    SubscriptionFetchLog log, NpgsqlDataSource dataSource, ILogger<SubscriptionFetchWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan TrimEvery = TimeSpan.FromSeconds(30);
    private const int MaxBatch = 5_000;
    private const int TrimChunk = 2_000;
    /// <summary>Users written since their last trim, with how many fetches.</summary>
    private readonly Dictionary<string, int> written = new(StringComparer.Ordinal);
    private readonly Stopwatch sinceTrim = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            sinceTrim.Start();
            // Idle until a fetch comes, but not while users wait for their trim.
            while (written.Count > 0 || await log.Reader.WaitToReadAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
                if (sinceTrim.Elapsed >= TrimEvery)
                {
                    sinceTrim.Restart();
                    await TrimAsync([.. written.Keys], stoppingToken);
                }
                else
                {
                    await TrimAsync([.. written.Where(w => w.Value >= SubscriptionFetchStore.KeptPerUser).Select(w => w.Key)], stoppingToken);
                }
                await Task.Delay(FlushEvery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is written below, once.
        }
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushAsync(last.Token);
        await TrimAsync([.. written.Keys], last.Token);
    }

    private async Task TrimAsync(string[] users, CancellationToken cancellationToken)
    {
        if (users.Length == 0)
        {
            return;
        }
        foreach (var user in users)
        {
            written.Remove(user);
        }
        try
        {
            foreach (var chunk in users.Chunk(TrimChunk))
            {
                await SubscriptionFetchStore.TrimAsync(dataSource, chunk, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            // Their next fetch brings them back; until then they keep a few fetches more than the bound.
            LogTrimFailed(logger, users.Length, exception.Message);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new List<FetchRecord>();
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && log.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }
            if (batch.Count == 0)
            {
                return;
            }
            try
            {
                await SubscriptionFetchStore.InsertAsync(dataSource, batch, cancellationToken);
                foreach (var record in batch)
                {
                    written[record.UserId] = written.GetValueOrDefault(record.UserId) + 1;
                }
            }
            catch (Exception exception)
            {
                // Whatever went wrong, the host must not stop over a log.
                LogBatchDropped(logger, batch.Count, exception.Message);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not trim the fetch log of {Count} users: {Reason}")]
    private static partial void LogTrimFailed(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} subscription fetch records: {Reason}")]
    private static partial void LogBatchDropped(ILogger logger, int count, string reason);
}
