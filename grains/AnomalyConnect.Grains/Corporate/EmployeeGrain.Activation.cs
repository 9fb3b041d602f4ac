using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// The one-time activation code of each grant: issued with the grant (only its hash is kept, as the grain's index),
/// redeemed once within its lifetime to link the Telegram account, dropped when access is deactivated.
/// </summary>
internal sealed partial class EmployeeGrain
{
    public Task<ActivationOutcome> RedeemActivationCodeAsync(string code, long telegramId) => Turn(async turn =>
    {
        var state = turn.State;
        if (ActivationCodes.Normalize(code) is not { } normalized || state?.ActivationCodeHash is not { } hash || !ActivationCodes.Matches(hash, normalized))
        {
            return ActivationOutcome.Unknown;
        }
        if (state.ActivationCodeUsedAt is not null)
        {
            return ActivationOutcome.AlreadyUsed;
        }
        if (state.ActivationCodeExpiresAt is not { } expiresAt || turn.Now >= expiresAt)
        {
            return ActivationOutcome.Expired;
        }
        if (state.UserId is not { } userId || !state.AccessEnabled)
        {
            return ActivationOutcome.Unknown;
        }
        var linked = await users.LinkTelegramAsync(userId, telegramId, Actor.Telegram(telegramId));
        switch (linked.Outcome)
        {
            case UserOutcome.Invalid:
                return ActivationOutcome.TelegramInUse;
            case UserOutcome.NotFound:
                return ActivationOutcome.Unknown;
        }
        state.ActivationCodeUsedAt = turn.Now;
        state.TelegramId = telegramId;
        state.Touch(turn.Now, occurredAt: null);
        await AuditAsync(turn, EmployeeAuditActions.TelegramLinked, Actor.Telegram(telegramId), new { user_id = userId, telegram_id = telegramId });
        return ActivationOutcome.Linked;
    });

    private static string IssueActivationCode(GrainTurn<EmployeeState> turn, EmployeeState state)
    {
        var code = ActivationCodes.New();
        state.ActivationCodeHash = ActivationCodes.Hash(code);
        state.ActivationCodeExpiresAt = turn.Now + ActivationCodes.Lifetime;
        state.ActivationCodeUsedAt = null;
        turn.SetIndex(EmployeeIndexes.ActivationCode, state.ActivationCodeHash);
        return code;
    }

    private static void ClearActivationCode(GrainTurn<EmployeeState> turn, EmployeeState state)
    {
        state.ActivationCodeHash = null;
        state.ActivationCodeExpiresAt = null;
        state.ActivationCodeUsedAt = null;
        turn.SetIndex(EmployeeIndexes.ActivationCode, null);
    }
}
