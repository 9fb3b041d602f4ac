using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Telegram;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>
/// The user behind a Telegram account: found through the directory, or registered on first contact with no access
/// (a term of zero days) until a trial or a purchase gives some.
/// </summary>
internal sealed class UserAccounts(IGrainFactory grains, IUserDirectory directory, BotOptions options)
{
    public async Task<UserView?> FindAsync(long telegramId, CancellationToken cancellationToken) =>
        await directory.FindByTelegramIdAsync(telegramId, cancellationToken) is { } userId
            ? await grains.GetGrain<IUserGrain>(userId).GetAsync()
            : null;

    /// <summary>The user of this Telegram account, registered now when there is none; Created tells which.</summary>
    public async Task<(UserView User, bool Created)> EnsureAsync(User from, CancellationToken cancellationToken)
    {
        if (await FindAsync(from.Id, cancellationToken) is { } existing)
        {
            return (existing, false);
        }
        var userId = UserIds.New();
        var result = await grains.GetGrain<IUserGrain>(userId).CreateAsync(
            new NewUser(
                Days: 0,
                TrafficLimitBytes: null,
                TelegramId: from.Id,
                Username: Clean(from.Username, 64),
                DisplayName: Clean(string.Join(' ', new[] { from.FirstName, from.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))), 128)),
            Actor.Telegram(from.Id));
        if (result is { Outcome: UserOutcome.Done, User: { } created })
        {
            return (created, true);
        }
        // Another turn registered this Telegram id a moment ago (the unique index refused ours): use that user.
        return await FindAsync(from.Id, cancellationToken) is { } raced
            ? (raced, false)
            : throw new InvalidOperationException($"Could not register Telegram user {from.Id}: {result.Outcome} {result.Error}");
    }

    public string SubscriptionUrl(UserView user) => $"{options.AppUrl}/sub/{user.Credentials.SubscriptionToken}";

    /// <summary>A user registered by the bot holds a zero-day term until a trial or purchase: it never had access.</summary>
    public static bool NeverHadAccess(UserView user) =>
        user.Status == UserStatus.Expired && user.ExpiresAt is { } expires && expires <= user.CreatedAt.AddMinutes(1);

    /// <summary>Names from Telegram go into user state: no control characters, bounded length.</summary>
    private static string? Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > max)
        {
            // Never cut a surrogate pair in half: PostgreSQL refuses a lone surrogate in JSON.
            clean = clean[..(char.IsHighSurrogate(clean[max - 1]) ? max - 1 : max)];
        }
        return clean.Length == 0 ? null : clean;
    }
}
