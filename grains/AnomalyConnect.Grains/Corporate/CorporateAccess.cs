using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// The Telegram second factor and the registry listing. Activation codes are found by their hash through the grain
/// index; config requests are grains of their own, keyed by an unguessable id.
/// </summary>
internal sealed class CorporateAccess(IGrainFactory grains, GrainIndex index, EmployeeRegistry registry, TimeProvider clock) : ICorporateAccess
{
    private const int MaxChannelLength = 32;

    public async Task<ActivationOutcome> RedeemActivationCodeAsync(string code, long telegramId, CancellationToken cancellationToken)
    {
        if (ActivationCodes.Normalize(code) is not { } normalized || telegramId <= 0)
        {
            return ActivationOutcome.Unknown;
        }
        var employeeId = await index.FindKeyAsync(EmployeeIndexes.GrainType, EmployeeIndexes.ActivationCode, ActivationCodes.Hash(normalized), cancellationToken);
        return employeeId is null
            ? ActivationOutcome.Unknown
            : await grains.GetGrain<IEmployeeGrain>(employeeId).RedeemActivationCodeAsync(normalized, telegramId);
    }

    /// <summary>
    /// Null when the user does not exist, is not a corporate user, is not active, or has no Telegram account linked to
    /// approve with. The bot resolves its caller's Telegram id to the user id (IUserDirectory) before calling.
    /// </summary>
    public async Task<ConfigRequest?> RequestConfigAsync(string userId, string channel, Actor actor, CancellationToken cancellationToken)
    {
        if (!UserIds.IsWellFormed(userId) || string.IsNullOrWhiteSpace(channel) || channel.Length > MaxChannelLength)
        {
            return null;
        }
        var user = await grains.GetGrain<IUserGrain>(userId).GetAsync();
        if (user is not { TelegramId: { } telegramId, EmployeeId: not null, IsActive: true })
        {
            return null;
        }
        return await grains.GetGrain<IConfigRequestGrain>(ConfigRequestIds.New())
            .OpenAsync(new ConfigRequestOpening(userId, telegramId, channel, actor));
    }

    /// <summary>An unknown request id answers Expired: there is nothing left to decide.</summary>
    public async Task<ConfigRequestState> DecideAsync(string requestId, long telegramId, bool approve, CancellationToken cancellationToken) =>
        ConfigRequestIds.IsWellFormed(requestId)
            ? await grains.GetGrain<IConfigRequestGrain>(requestId).DecideAsync(telegramId, approve) ?? ConfigRequestState.Expired
            : ConfigRequestState.Expired;

    /// <summary>A request past its deadline reads as Expired even before its timer has fired.</summary>
    public async Task<ConfigRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        if (!ConfigRequestIds.IsWellFormed(requestId) || await grains.GetGrain<IConfigRequestGrain>(requestId).GetAsync() is not { } request)
        {
            return null;
        }
        return request.State is ConfigRequestState.Pending or ConfigRequestState.Approved && request.ExpiresAt <= clock.GetUtcNow()
            ? request with { State = ConfigRequestState.Expired }
            : request;
    }

    public Task<IReadOnlyList<EmployeeView>> ListRegistryAsync(RegistryState? state, int page, int pageSize, CancellationToken cancellationToken) =>
        registry.ListAsync(state, page, pageSize, cancellationToken);
}
