using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AnomalyConnect.Grains.Subscriptions;

/// <summary>
/// Drains <see cref="SubscriptionFetchLog"/> about once a second into one batch write. A batch that fails is dropped
/// with a warning: the log is for operators, and retrying it could only grow behind a database that is away.
/// </summary>
internal sealed partial class SubscriptionFetchWriter(SubscriptionFetchLog log, NpgsqlDataSource dataSource, ILogger<SubscriptionFetchWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);
    private const int MaxBatch = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
                await Task.Delay(FlushEvery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is written below, once.
        }
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushAsync(last.Token);
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
                await SubscriptionFetchStore.WriteAsync(dataSource, batch, cancellationToken);
            }
            catch (Exception exception)
            {
                // Whatever went wrong, the host must not stop over a log.
                LogBatchDropped(logger, batch.Count, exception.Message);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} subscription fetch records: {Reason}")]
    private static partial void LogBatchDropped(ILogger logger, int count, string reason);
}
