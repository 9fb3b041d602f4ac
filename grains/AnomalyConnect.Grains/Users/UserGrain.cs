using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Notifications;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Audit;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Users;

internal sealed class UserGrain(NodeCatalog nodes, NpgsqlDataSource dataSource, SubscriptionReadModel subscriptions) : Grain<UserState>, IUserGrain
{
    public Task<UserResult> CreateAsync(NewUser user, Actor? actor = null) => GuardUniqueKeysAsync(() => UpdateAsync(async turn =>
    {
        if (turn.State is not null)
        {
            return new UserResult(UserOutcome.AlreadyExists, await ViewAsync(turn));
        }
        if (UserRules.Validate(user) is { } error)
        {
            return UserResult.Invalid(error);
        }
        var credentials = UserCredentialFactory.Create();
        var state = new UserState
        {
            CreatedAt = turn.Now,
            ExpiresAt = user.OnHoldDays is null && user.Days is { } days ? turn.Now.AddDays(days) : null,
            OnHoldDays = user.OnHoldDays,
            TrafficLimitBytes = user.TrafficLimitBytes,
            ResetStrategy = user.ResetStrategy,
            VlessUuid = credentials.VlessUuid,
            Hysteria2Auth = credentials.Hysteria2Auth,
            SubscriptionToken = credentials.SubscriptionToken,
            Region = user.Region,
            TelegramId = user.TelegramId,
            Username = user.Username,
            EmployeeId = user.EmployeeId,
            DisplayName = user.DisplayName,
            Email = user.Email,
            Note = user.Note,
            DeviceLimit = user.DeviceLimit,
        };
        state.Status = UserStatusRules.Evaluate(state, 0, turn.Now);
        state.Placements = [.. await nodes.ChooseAsync(user.Region, CancellationToken.None)];
        turn.State = state;
        UserTrafficStore.Create(turn);
        CommitConsequences(turn, UserSnapshot.Empty);
        Audit(turn, "user.created", actor, user);
        return new UserResult(UserOutcome.Done, UserViews.Of(Key, state, (0, 0)));
    }));

    public Task<UserView?> GetAsync() => StateStore.GuardAsync(async () =>
        await UserTrafficStore.ReadWithUsageAsync(dataSource, Key) is { } read
            ? UserViews.Of(Key, read.State, (read.Upload, read.Download))
            : null);

    public Task<UserResult> ApplyAsync(UserAction action, Actor? actor = null) => GuardUniqueKeysAsync(() => UpdateAsync(async turn =>
    {
        if (turn.State is not { } state)
        {
            return UserResult.NotFound;
        }
        var before = UserSnapshot.Of(state);
        var used = await UserTrafficStore.ReadAsync(turn.Connection, turn.Transaction, Key);
        var outcome = await UserRules.ApplyAsync(state, action, turn.Now, nodes);
        if (outcome.Error is { } error)
        {
            return new UserResult(UserOutcome.Invalid, UserViews.Of(Key, state, used), error);
        }
        if (outcome.Unchanged)
        {
            return new UserResult(UserOutcome.Unchanged, UserViews.Of(Key, state, used));
        }
        if (outcome.TrafficReset)
        {
            UserTrafficStore.Reset(turn);
            used = (0, 0);
        }
        state.Status = UserStatusRules.Evaluate(state, used.Upload + used.Download, turn.Now);
        CommitConsequences(turn, before);
        Audit(turn, UserAuditActions.Of(action), actor, action);
        return new UserResult(UserOutcome.Done, UserViews.Of(Key, state, used));
    }));

    public Task<UserResult> ReviewUsageAsync() => UpdateAsync(async turn =>
    {
        if (turn.State is not { } state)
        {
            return UserResult.NotFound;
        }
        var before = UserSnapshot.Of(state);
        var used = await UserTrafficStore.ReadAsync(turn.Connection, turn.Transaction, Key);
        var usedBytes = used.Upload + used.Download;
        if (state.OnHoldDays is { } holdDays && state.ExpiresAt is null && usedBytes > 0)
        {
            state.ExpiresAt = turn.Now.AddDays(holdDays);
            state.OnHoldDays = null;
        }
        var previous = state.Status;
        state.Status = UserStatusRules.Evaluate(state, usedBytes, turn.Now);
        if (UserStatusRules.DueUsageWarning(state.TrafficLimitBytes, usedBytes, state.UsageWarningsSent) is { } level)
        {
            state.UsageWarningsSent.Add(level);
            Notify(turn, state, level >= 100 ? UserNotificationKind.TrafficLimitReached : UserNotificationKind.TrafficAt80Percent, usedBytes);
        }
        CommitConsequences(turn, before);
        return new UserResult(previous == state.Status ? UserOutcome.Unchanged : UserOutcome.Done, UserViews.Of(Key, state, used));
    });

    public Task<UserResult> DeleteAsync(Actor? actor = null) => UpdateAsync(turn =>
    {
        if (turn.State is not { } state)
        {
            return UserResult.NotFound;
        }
        UserNodeSync.Queue(turn, UserSnapshot.Of(state), after: null);
        UserTrafficStore.Delete(turn);
        Audit(turn, "user.deleted", actor, details: null);
        turn.State = null;
        return new UserResult(UserOutcome.Done, null);
    });

    protected override async Task OnTimerAsync(GrainTurn<UserState> turn, string timerName)
    {
        var state = turn.State!;
        var before = UserSnapshot.Of(state);
        var used = await UserTrafficStore.ReadAsync(turn.Connection, turn.Transaction, Key);
        switch (timerName)
        {
            case UserTimers.TrafficReset:
                UserTrafficStore.Reset(turn);
                state.LastTrafficResetAt = turn.Now;
                state.UsageWarningsSent.Clear();
                used = (0, 0);
                break;
            case UserTimers.RemindThreeDays:
                Notify(turn, state, UserNotificationKind.ExpiresIn3Days, used.Upload + used.Download);
                break;
            case UserTimers.RemindOneDay:
                Notify(turn, state, UserNotificationKind.ExpiresIn1Day, used.Upload + used.Download);
                break;
            case UserTimers.Expire:
                Notify(turn, state, UserNotificationKind.Expired, used.Upload + used.Download);
                Audit(turn, "user.expired", Actor.System, details: null);
                break;
        }
        state.Status = UserStatusRules.Evaluate(state, used.Upload + used.Download, turn.Now);
        CommitConsequences(turn, before);
    }

    /// <summary>
    /// This process's subscriptions see a change at once, before the change notification comes back; other
    /// processes see it when it does.
    /// </summary>
    protected override void OnTurnCommitted() => subscriptions.Changed([Key]);

    /// <summary>Everything that follows a change: indexes, placement rows, node syncs, timers.</summary>
    private void CommitConsequences(GrainTurn<UserState> turn, UserSnapshot before)
    {
        var state = turn.State!;
        UserIndexes.Write(turn, state, before.Keys);
        var after = UserSnapshot.Of(state);
        if (!before.Placements.SequenceEqual(after.Placements) || before.OnNodes != after.OnNodes)
        {
            UserPlacementStore.Write(turn, state.Placements, after.OnNodes);
        }
        UserNodeSync.Queue(turn, before, state);
        UserTimers.Schedule(turn, state);
    }

    private void Notify(GrainTurn<UserState> turn, UserState state, UserNotificationKind kind, long usedBytes)
    {
        if (state.TelegramId is { } telegramId)
        {
            turn.Send(OutboxKinds.UserNotification, OutboxKinds.TelegramPartition(telegramId),
                new UserNotification(Key, telegramId, kind, state.ExpiresAt, state.TrafficLimitBytes, usedBytes));
        }
    }

    private void Audit(GrainTurn<UserState> turn, string action, Actor? actor, object? details) =>
        turn.Write(AuditStore.Command(
            new AuditRecord(action, UserIndexes.GrainType, Key, actor ?? Actor.System, AuditDetails.From(details)), turn.Now));

    private async Task<UserView> ViewAsync(GrainTurn<UserState> turn) =>
        UserViews.Of(Key, turn.State!, await UserTrafficStore.ReadAsync(turn.Connection, turn.Transaction, Key));

    /// <summary>A Telegram or employee id that another user holds is an expected outcome, not a crash.</summary>
    private static async Task<UserResult> GuardUniqueKeysAsync(Func<Task<UserResult>> call)
    {
        try
        {
            return await call();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return UserResult.Invalid("That Telegram id or employee id already belongs to another user.");
        }
    }
}
