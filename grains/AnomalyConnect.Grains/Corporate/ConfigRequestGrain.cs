using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Grains.Audit;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// A config request behind the Telegram second factor: pending for <see cref="DecisionWindow"/>, decided only by the
/// linked Telegram account; an approval is good for <see cref="FetchWindow"/>. A timer expires it; another forgets it
/// a week later. Every opening, decision and refusal is audited in its turn.
/// </summary>
internal sealed class ConfigRequestGrain : Grain<ConfigRequestEntry>, IConfigRequestGrain
{
    public const string GrainType = "config-request";
    public const string ExpiryTimer = "expire";
    public const string ForgetTimer = "forget";

    public static readonly TimeSpan DecisionWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FetchWindow = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public Task<ConfigRequest> OpenAsync(ConfigRequestOpening opening) => UpdateAsync(async turn =>
    {
        if (turn.State is { } existing)
        {
            return View(existing);
        }
        var entry = new ConfigRequestEntry
        {
            UserId = opening.UserId,
            TelegramId = opening.TelegramId,
            Channel = opening.Channel,
            State = ConfigRequestState.Pending,
            CreatedAt = turn.Now,
            ExpiresAt = turn.Now + DecisionWindow,
        };
        turn.State = entry;
        turn.SetTimer(ExpiryTimer, entry.ExpiresAt);
        turn.Send(CorporateOutboxKinds.ApprovalRequest, CorporateOutboxKinds.ApprovalRequestPartition(Key),
            new ConfigApprovalRequested(Key, entry.UserId, entry.TelegramId, entry.Channel, entry.ExpiresAt));
        await AuditAsync(turn, EmployeeAuditActions.RequestOpened, opening.Actor,
            new { user_id = entry.UserId, telegram_id = entry.TelegramId, channel = entry.Channel, expires_at = entry.ExpiresAt });
        return View(entry);
    });

    public Task<ConfigRequestState?> DecideAsync(long telegramId, bool approve) => UpdateAsync<ConfigRequestState?>(async turn =>
    {
        if (turn.State is not { } entry)
        {
            return null;
        }
        var actor = Actor.Telegram(telegramId);
        if (entry.TelegramId != telegramId)
        {
            await AuditAsync(turn, EmployeeAuditActions.RequestRefused, actor,
                new { user_id = entry.UserId, reason = "not the Telegram account linked to the user", state = entry.State });
            return entry.State;
        }
        if (entry.State != ConfigRequestState.Pending)
        {
            await AuditAsync(turn, EmployeeAuditActions.RequestRefused, actor, new { user_id = entry.UserId, reason = "already decided", state = entry.State });
            return entry.State;
        }
        if (turn.Now >= entry.ExpiresAt)
        {
            await ExpireAsync(turn, entry, actor);
            return entry.State;
        }
        entry.State = approve ? ConfigRequestState.Approved : ConfigRequestState.Denied;
        entry.DecidedAt = turn.Now;
        if (approve)
        {
            entry.ExpiresAt = turn.Now + FetchWindow;
            turn.SetTimer(ExpiryTimer, entry.ExpiresAt);
        }
        else
        {
            turn.CancelTimer(ExpiryTimer);
            turn.SetTimer(ForgetTimer, turn.Now + KeptFor);
        }
        await AuditAsync(turn, approve ? EmployeeAuditActions.RequestApproved : EmployeeAuditActions.RequestDenied, actor,
            new { user_id = entry.UserId, channel = entry.Channel });
        return entry.State;
    });

    public async Task<ConfigRequest?> GetAsync() => await ReadStateAsync() is { } entry ? View(entry) : null;

    protected override async Task OnTimerAsync(GrainTurn<ConfigRequestEntry> turn, string timerName)
    {
        switch (timerName)
        {
            case ExpiryTimer when turn.State!.State is ConfigRequestState.Pending or ConfigRequestState.Approved:
                await ExpireAsync(turn, turn.State, Actor.System);
                break;
            case ForgetTimer:
                turn.State = null;
                break;
        }
    }

    private async Task ExpireAsync(GrainTurn<ConfigRequestEntry> turn, ConfigRequestEntry entry, Actor actor)
    {
        var previous = entry.State;
        entry.State = ConfigRequestState.Expired;
        turn.CancelTimer(ExpiryTimer);
        turn.SetTimer(ForgetTimer, turn.Now + KeptFor);
        await AuditAsync(turn, EmployeeAuditActions.RequestExpired, actor, new { user_id = entry.UserId, previous });
    }

    private ConfigRequest View(ConfigRequestEntry entry) =>
        new(Key, entry.UserId, entry.TelegramId, entry.Channel, entry.State, entry.ExpiresAt);

    private Task AuditAsync(GrainTurn<ConfigRequestEntry> turn, string action, Actor actor, object details) =>
        AuditStore.RecordAsync(turn.Connection, turn.Transaction,
            new AuditRecord(action, EmployeeAuditActions.RequestSubjectType, Key, actor, AuditDetails.From(details)), turn.Now);
}
