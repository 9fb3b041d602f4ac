using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Broadcasts;

/// <summary>
/// Sends running broadcasts, one at a time per process, under a lease, at BOT_BROADCAST_RATE (within Telegram's 30
/// messages a second). At most once per recipient: each recipient is claimed — marked <c>sending</c> and committed —
/// right before its call goes out, and its outcome recorded after; whoever takes the broadcast over after a crash turns
/// the claims left behind into "in doubt" and never sends them again.
/// <para>
/// Trade-off: exactly once is impossible without Telegram's help (sendMessage has no idempotency key), so a crash
/// either risks a second message (mark after sending) or a missed one (mark before). We mark before: nobody is ever
/// messaged twice, and what a crash can cost is bounded by the calls under way at that instant (at most
/// <see cref="InFlight"/>, usually none), reported as "in doubt". Claims go one recipient at a time, after the rate slot
/// is taken, because a claim made ahead of its slot would widen that window for nothing: two short statements per
/// message at 30 messages a second are no load for PostgreSQL.
/// </para>
/// Progress is written into the admin's message every few seconds; a restarted process picks the broadcast up where it stopped.
/// </summary>
internal sealed partial class BroadcastService(
    IBroadcastQueue queue,
    IBroadcasts broadcasts,
    BotSender sender,
    TelegramRateLimiter limiter,
    BroadcastSignal signal,
    IGrainFactory grains,
    BotOptions options,
    BotHosting hosting,
    TimeProvider clock,
    ILogger<BroadcastService> logger) : BackgroundService
{
    /// <summary>Sends at once, and so the most a crash can leave in doubt.</summary>
    private const int InFlight = 4;

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(9);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    /// <summary>The longest a sender waits for a rate slot (Telegram's retry_after included) before the round is given up and retried.</summary>
    private static readonly TimeSpan SlotPatience = TimeSpan.FromMinutes(10);

    private readonly BroadcastPacer pacer = new(options.BroadcastRate, clock);

    /// <summary>Set when the lease was lost or could not be kept: this process leaves the broadcast to whoever takes it.</summary>
    private volatile bool keeperStopped;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await queue.AcquireAsync(hosting.InstanceName, Lease, stoppingToken) is { } lease)
                {
                    await RunAsync(lease, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(Idle, stoppingToken);
                }
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, backoff.TotalSeconds, e);
                await Task.Delay(backoff, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    private async Task RunAsync(BroadcastLease lease, CancellationToken stoppingToken)
    {
        keeperStopped = false;
        var broadcast = lease.Broadcast;
        var texts = BotTexts.For((await grains.GetGrain<ITelegramChatGrain>(TelegramChatKey.Of(broadcast.RequestedBy)).GetAsync())?.LanguageCode);
        LogStarted(logger, broadcast.BroadcastId, broadcast.Total, broadcast.Done, lease.Epoch);
        var progressMessage = broadcast.ProgressMessageId ?? await NewProgressMessageAsync(broadcast, texts, stoppingToken);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keeper = KeepAsync(lease, progressMessage, texts, sending);
        Exception? failure = null;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
            {
                try
                {
                    await SendAsync(lease, sending.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One sender failing (the database went away) stops the others: the broadcast is taken up again as a whole.
                    failure ??= e;
                    await sending.CancelAsync();
                }
            }));
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            // Stopping, a failed sender, or the lease lost (the keeper said which): handled below.
        }
        finally
        {
            await sending.CancelAsync();
            await keeper;
        }
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        if (keeperStopped)
        {
            return;
        }
        stoppingToken.ThrowIfCancellationRequested();
        var final = await queue.FinishAsync(lease, stoppingToken);
        if (final is { State: BroadcastState.Finished })
        {
            LogFinished(logger, final.BroadcastId, final.Sent, final.Blocked, final.Failed, final.InDoubt);
            await ReportAsync(broadcast.RequestedBy, progressMessage, texts.BroadcastDone(final), stoppingToken);
        }
    }

    /// <summary>
    /// One of the senders: a rate slot first, then the claim of one recipient (committed), then the call at once, then
    /// its outcome. Taking the slot before the claim keeps a crash's "in doubt" to the calls actually under way.
    /// Ends when nobody is left to claim, or the lease was lost (claims then come back empty).
    /// </summary>
    private async Task SendAsync(BroadcastLease lease, CancellationToken cancellationToken)
    {
        while (true)
        {
            await pacer.WaitAsync(cancellationToken);
            await limiter.WaitAsync(chatId: null, perChat: false, SlotPatience, cancellationToken);
            var chats = await queue.ClaimAsync(lease, 1, cancellationToken);
            if (chats.Count == 0)
            {
                return;
            }
            var deliveries = await Task.WhenAll(chats.Select(chat => DeliverAsync(chat, lease.Broadcast.Text, cancellationToken)));
            // Outcomes are recorded even while stopping: the messages went out.
            await queue.RecordAsync(lease, deliveries, CancellationToken.None);
        }
    }

    /// <summary>Renews the lease and writes progress into the admin's message until sending stops; stops sending when the lease is lost.</summary>
    private async Task KeepAsync(BroadcastLease lease, long? progressMessage, BotTexts texts, CancellationTokenSource sending)
    {
        var renewedAt = clock.GetUtcNow();
        try
        {
            while (!sending.IsCancellationRequested)
            {
                await Task.Delay(ProgressEvery, clock, sending.Token);
                if (clock.GetUtcNow() - renewedAt >= RenewEvery)
                {
                    if (!await queue.RenewAsync(lease, Lease, sending.Token))
                    {
                        LogLeaseLost(logger, lease.BroadcastId);
                        keeperStopped = true;
                        await sending.CancelAsync();
                        return;
                    }
                    renewedAt = clock.GetUtcNow();
                }
                if (await broadcasts.GetAsync(lease.BroadcastId, sending.Token) is { State: BroadcastState.Running } progress)
                {
                    await ReportAsync(lease.Broadcast.RequestedBy, progressMessage, texts.BroadcastProgress(progress), sending.Token);
                }
            }
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            // Sending is over.
        }
        catch (Exception e)
        {
            // Without renewals the lease runs out and another process carries on: stop here rather than race it.
            LogKeeperFailed(logger, lease.BroadcastId, e);
            keeperStopped = true;
            await sending.CancelAsync();
        }
    }

    private async Task<BroadcastDelivery> DeliverAsync(long chatId, string text, CancellationToken stoppingToken)
    {
        try
        {
            await sender.SendTextAsync(chatId, text, policy: SendPolicy.Broadcast, html: false, cancellationToken: stoppingToken);
            return new BroadcastDelivery(chatId, BroadcastOutcome.Sent);
        }
        catch (ChatUnreachableException)
        {
            return new BroadcastDelivery(chatId, BroadcastOutcome.Blocked);
        }
        catch (TelegramFloodWaitException)
        {
            return new BroadcastDelivery(chatId, BroadcastOutcome.NotSent);
        }
        catch (TelegramApiException e) when (e.ErrorCode == 429)
        {
            return new BroadcastDelivery(chatId, BroadcastOutcome.NotSent, e.Description);
        }
        catch (TelegramApiException e) when (e.ErrorCode is >= 400 and < 500)
        {
            return new BroadcastDelivery(chatId, BroadcastOutcome.Failed, e.Description);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return new BroadcastDelivery(chatId, BroadcastOutcome.NotSent, e.Message);
        }
        catch (Exception e) when (e is TelegramApiException or HttpRequestException or OperationCanceledException)
        {
            // The request may have reached Telegram: at most once means it is not sent again.
            return new BroadcastDelivery(chatId, BroadcastOutcome.InDoubt, e.Message);
        }
    }

    private async Task<long?> NewProgressMessageAsync(BroadcastView broadcast, BotTexts texts, CancellationToken stoppingToken)
    {
        try
        {
            var message = await sender.SendTextAsync(broadcast.RequestedBy, texts.BroadcastProgress(broadcast), policy: SendPolicy.Delivery, cancellationToken: stoppingToken);
            await queue.SetProgressMessageAsync(broadcast.BroadcastId, message.MessageId, stoppingToken);
            return message.MessageId;
        }
        catch (Exception e) when (e is TelegramApiException or ChatUnreachableException or TelegramFloodWaitException or HttpRequestException)
        {
            LogProgressFailed(logger, broadcast.BroadcastId, e.Message);
            return null;
        }
    }

    /// <summary>Progress is best effort: the broadcast goes on whatever happens to the admin's message.</summary>
    private async Task ReportAsync(long adminChat, long? messageId, string text, CancellationToken stoppingToken)
    {
        try
        {
            if (messageId is { } id && await sender.TryEditAsync(adminChat, id, text, keyboard: null, SendPolicy.Delivery, stoppingToken))
            {
                return;
            }
            await sender.SendTextAsync(adminChat, text, policy: SendPolicy.Delivery, cancellationToken: stoppingToken);
        }
        catch (Exception e) when (e is TelegramApiException or ChatUnreachableException or TelegramFloodWaitException or HttpRequestException)
        {
            LogProgressFailed(logger, 0, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: sending to {Total} recipients, {Done} done before (lease epoch {Epoch})")]
    private static partial void LogStarted(ILogger logger, long broadcastId, int total, int done, long epoch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} finished: sent {Sent}, blocked {Blocked}, failed {Failed}, in doubt {InDoubt}")]
    private static partial void LogFinished(ILogger logger, long broadcastId, int sent, int blocked, int failed, int inDoubt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: the lease was taken over; this process stops sending it")]
    private static partial void LogLeaseLost(ILogger logger, long broadcastId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: the progress message could not be sent or edited: {Error}")]
    private static partial void LogProgressFailed(ILogger logger, long broadcastId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broadcast {BroadcastId}: renewing the lease or reporting progress failed; this process stops sending it")]
    private static partial void LogKeeperFailed(ILogger logger, long broadcastId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The broadcast sender failed; trying again in {DelaySeconds} s")]
    private static partial void LogLoopFailed(ILogger logger, double delaySeconds, Exception exception);
}
