using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AnomalyConnect.Grains.Users;

/// <summary>
/// Listens on <see cref="Channel"/> for what migration 0010's triggers send and hands it to
/// <see cref="SubscriptionReadModel"/>, after loading every user into it. Starts only once the read model is first used. While the connection is
/// down the read model keeps nothing; it starts over empty when listening again, since notifications sent in
/// between are lost.
/// </summary>
internal sealed partial class UserChangeListener(
    SubscriptionReadModel readModel, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<UserChangeListener> logger) : BackgroundService
{
    public const string Channel = "anomaly_users_changed";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UnlistenPatience = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readModel.Wanted.WaitAsync(stoppingToken);
            var retry = FirstRetry;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(() => retry = FirstRetry, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    readModel.StoppedListening();
                    LogListenFailed(logger, retry.TotalSeconds, exception.Message);
                    await Task.Delay(retry, clock, stoppingToken);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            readModel.StoppedListening();
        }
    }

    private async Task ListenAsync(Action listening, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notification) => readModel.Apply(notification.Payload);
        try
        {
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(stoppingToken);
            }
            readModel.StartedListening();
            listening();
            var loaded = await readModel.LoadAllAsync(stoppingToken);
            LogListening(logger, loaded);
            var sweptAt = clock.GetTimestamp();
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await connection.WaitAsync(SubscriptionReadModel.StampLifetime, stoppingToken))
                {
                    // Quiet for a while: make sure the connection is still there, since a silently dead one would
                    // leave stale copies served forever.
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
                if (clock.GetElapsedTime(sweptAt) >= SubscriptionReadModel.StampLifetime)
                {
                    readModel.SweepStamps();
                    sweptAt = clock.GetTimestamp();
                }
            }
        }
        finally
        {
            await UnlistenAsync(connection);
        }
    }

    /// <summary>
    /// Pooled connections are not reset on close (see the data source), so this one must not go back still listening:
    /// whoever got it next would be sent every change. A broken connection is not pooled again, so failing here is fine.
    /// </summary>
    private static async Task UnlistenAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }
        try
        {
            using var patience = new CancellationTokenSource(UnlistenPatience);
            await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
            await unlisten.ExecuteNonQueryAsync(patience.Token);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // The connection is gone or busy; Npgsql does not pool a broken connector.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for user changes; subscriptions are served from memory ({Users} users loaded)")]
    private static partial void LogListening(ILogger logger, int users);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for user changes (retrying in {Seconds} s); subscriptions are read from the database meanwhile: {Reason}")]
    private static partial void LogListenFailed(ILogger logger, double seconds, string reason);
}
