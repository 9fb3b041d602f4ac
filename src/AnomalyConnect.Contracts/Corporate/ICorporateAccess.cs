using AnomalyConnect.Contracts.Audit;

namespace AnomalyConnect.Contracts.Corporate;

/// <summary>
/// The Telegram second factor. An employee links their Telegram account with a one-time activation code
/// (deep link t.me/bot?start=CODE, single use, 24 h); each config request is then confirmed in Telegram with
/// approve/deny buttons that expire in 5 minutes. Requests and decisions are audited.
/// </summary>
public interface ICorporateAccess
{
    Task<ActivationOutcome> RedeemActivationCodeAsync(string code, long telegramId, CancellationToken cancellationToken);

    /// <summary>Opens a config request for the user linked to this Telegram id (bot /get_config) or for a user id (HTTP).</summary>
    Task<ConfigRequest?> RequestConfigAsync(string userId, string channel, Actor actor, CancellationToken cancellationToken);

    /// <summary>Approve or deny from the buttons; only the linked Telegram account may decide, and only in time.</summary>
    Task<ConfigRequestState> DecideAsync(string requestId, long telegramId, bool approve, CancellationToken cancellationToken);

    Task<ConfigRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Registry entries, for the admin API and the bot's registry commands.</summary>
    Task<IReadOnlyList<EmployeeView>> ListRegistryAsync(RegistryState? state, int page, int pageSize, CancellationToken cancellationToken);
}

public enum ActivationOutcome
{
    Linked,
    Unknown,
    Expired,
    AlreadyUsed,

    /// <summary>The Telegram account already belongs to another user; the code stays unused.</summary>
    TelegramInUse,
}

public enum ConfigRequestState
{
    Pending,
    Approved,
    Denied,
    Expired,
}

public sealed record ConfigRequest(string RequestId, string UserId, long TelegramId, string Channel, ConfigRequestState State, DateTimeOffset ExpiresAt);
