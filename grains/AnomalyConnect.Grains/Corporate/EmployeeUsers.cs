using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>
/// The employee grain's calls to the user that holds its access. They run inside the employee's turn (which holds the
/// employee's lock, so one employee's changes stay ordered) but commit in the user's own turns: each user change is
/// audited there and pushed to the nodes by the user grain. A user created by a turn that then failed is found again
/// by its employee id, so a retry adopts it instead of creating a second one.
/// </summary>
internal sealed class EmployeeUsers(IGrainFactory grains, IUserDirectory directory)
{
    public async Task<UserGrant> GrantAsync(string employeeId, string? knownUserId, GrantRequest request, Actor actor, DateTimeOffset now)
    {
        if (await FindAsync(employeeId, knownUserId) is not { } existing)
        {
            var created = await grains.GetGrain<IUserGrain>(UserIds.New()).CreateAsync(
                new NewUser(request.Days, request.TrafficLimitBytes, TelegramId: request.TelegramId, EmployeeId: employeeId,
                    DisplayName: request.FullName, Email: request.Email),
                actor);
            return created is { Outcome: UserOutcome.Done, User: { } user }
                ? new UserGrant(user, Created: true, null)
                : new UserGrant(null, Created: false, created.Error ?? "The user could not be created.");
        }
        var grain = grains.GetGrain<IUserGrain>(existing.UserId);
        foreach (var action in ChangesFor(existing, employeeId, request, now))
        {
            var result = await grain.ApplyAsync(action, actor);
            if (result.Outcome is UserOutcome.Invalid or UserOutcome.NotFound)
            {
                return new UserGrant(null, Created: false, result.Error ?? $"The user {existing.UserId} could not be changed.");
            }
        }
        return new UserGrant(await grain.GetAsync(), Created: false, null);
    }

    /// <summary>Disables the user unless it already is; true when something changed.</summary>
    public async Task<bool> DisableAsync(string userId, string reason, Actor actor)
    {
        var grain = grains.GetGrain<IUserGrain>(userId);
        return await grain.GetAsync() is { Status: not UserStatus.Disabled }
            && (await grain.ApplyAsync(new UserAction.Disable(reason), actor)).Outcome == UserOutcome.Done;
    }

    /// <summary>Enables the user if it was disabled; null when the user no longer exists.</summary>
    public async Task<UserView?> EnableAsync(string userId, Actor actor)
    {
        var grain = grains.GetGrain<IUserGrain>(userId);
        var user = await grain.GetAsync();
        if (user is { Status: UserStatus.Disabled })
        {
            user = (await grain.ApplyAsync(new UserAction.Enable(), actor)).User ?? user;
        }
        return user;
    }

    /// <summary>Links the Telegram account, keeping the user's other identity fields.</summary>
    public async Task<UserResult> LinkTelegramAsync(string userId, long telegramId, Actor actor)
    {
        var grain = grains.GetGrain<IUserGrain>(userId);
        if (await grain.GetAsync() is not { } user)
        {
            return UserResult.NotFound;
        }
        if (user.TelegramId == telegramId)
        {
            return new UserResult(UserOutcome.Unchanged, user);
        }
        return await grain.ApplyAsync(new UserAction.SetIdentity(telegramId, user.Username, user.EmployeeId, user.DisplayName, user.Email), actor);
    }

    private async Task<UserView?> FindAsync(string employeeId, string? knownUserId)
    {
        if (knownUserId is not null && await grains.GetGrain<IUserGrain>(knownUserId).GetAsync() is { } known)
        {
            return known;
        }
        var adopted = await directory.FindByEmployeeIdAsync(employeeId, CancellationToken.None);
        return adopted is null ? null : await grains.GetGrain<IUserGrain>(adopted).GetAsync();
    }

    /// <summary>A grant again: the given terms replace the old ones, omitted ones stay; a disabled user comes back.</summary>
    private static IEnumerable<UserAction> ChangesFor(UserView user, string employeeId, GrantRequest request, DateTimeOffset now)
    {
        var telegramId = request.TelegramId ?? user.TelegramId;
        var name = request.FullName ?? user.DisplayName;
        var email = request.Email ?? user.Email;
        if (telegramId != user.TelegramId || name != user.DisplayName || email != user.Email || user.EmployeeId != employeeId)
        {
            yield return new UserAction.SetIdentity(telegramId, user.Username, employeeId, name, email);
        }
        if (request.Days is { } days)
        {
            yield return new UserAction.SetExpiry(now.AddDays(days));
        }
        if (request.TrafficLimitBytes is { } limit && limit != user.TrafficLimitBytes)
        {
            yield return new UserAction.SetTrafficLimit(limit);
        }
        if (user.Status == UserStatus.Disabled)
        {
            yield return new UserAction.Enable();
        }
    }
}
