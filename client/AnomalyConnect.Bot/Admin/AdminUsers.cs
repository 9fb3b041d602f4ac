using System.Globalization;
using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Bot.Admin;

/// <summary>Finding a user (Telegram id, @username, employee id, user id or any text) and the admin's actions on one.</summary>
internal sealed class AdminUsers(BotSender sender, IUserDirectory directory, IGrainFactory grains)
{
    private const int MaxCards = 5;

    public async Task FindAsync(BotRequest request, string query, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (string.IsNullOrWhiteSpace(query))
        {
            await sender.SendTextAsync(request.ChatId, texts.Usage("/find <telegram id | @username | employee id | text>"), cancellationToken: cancellationToken);
            return;
        }
        if (await ResolveAsync(query, cancellationToken) is { } exact)
        {
            await SendCardAsync(request, exact, cancellationToken);
            return;
        }
        var page = await directory.SearchAsync(new UserQuery(query.Trim().TrimStart('@'), null, 1, MaxCards), cancellationToken);
        if (page.Users.Count == 0)
        {
            await sender.SendTextAsync(request.ChatId, texts.UserNotFound, cancellationToken: cancellationToken);
            return;
        }
        await sender.SendTextAsync(request.ChatId, texts.UsersFound(page.Users.Count, page.Total), cancellationToken: cancellationToken);
        foreach (var user in page.Users)
        {
            await SendCardAsync(request, user, cancellationToken);
        }
    }

    /// <summary>/extend &lt;user&gt; &lt;days&gt;, /disable &lt;user&gt; [reason], /enable &lt;user&gt;, /reset &lt;user&gt;.</summary>
    public async Task RunAsync(BotRequest request, string command, string arguments, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        var parts = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        UserAction? action = (command, parts.Length) switch
        {
            ("extend", 2) when int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) => new UserAction.Extend(days),
            ("disable", >= 1) => new UserAction.Disable(parts.Length > 1 ? Clip(parts[1]) : null),
            ("enable", >= 1) => new UserAction.Enable(),
            ("reset", >= 1) => new UserAction.ResetTraffic(),
            _ => null,
        };
        if (action is null)
        {
            await sender.SendTextAsync(request.ChatId, texts.Usage(command == "extend" ? "/extend <user> <days>" : $"/{command} <user>"), cancellationToken: cancellationToken);
            return;
        }
        if (await ResolveAsync(parts[0], cancellationToken) is not { } user)
        {
            await sender.SendTextAsync(request.ChatId, texts.UserNotFound, cancellationToken: cancellationToken);
            return;
        }
        await ApplyAsync(request, user.UserId, action, editMessage: false, cancellationToken);
    }

    /// <summary>A button under a user card.</summary>
    public async Task OnButtonAsync(BotRequest request, string? button, string? userId, CancellationToken cancellationToken)
    {
        UserAction? action = button switch
        {
            AdminUserActions.Extend7 => new UserAction.Extend(7),
            AdminUserActions.Extend30 => new UserAction.Extend(30),
            AdminUserActions.Disable => new UserAction.Disable(null),
            AdminUserActions.Enable => new UserAction.Enable(),
            AdminUserActions.ResetTraffic => new UserAction.ResetTraffic(),
            _ => null,
        };
        if (action is null || !UserIds.IsWellFormed(userId))
        {
            await sender.SendTextAsync(request.ChatId, request.Texts.OutdatedButton, cancellationToken: cancellationToken);
            return;
        }
        await ApplyAsync(request, userId!, action, editMessage: true, cancellationToken);
    }

    private async Task ApplyAsync(BotRequest request, string userId, UserAction action, bool editMessage, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<IUserGrain>(userId).ApplyAsync(action, AdminActor.Of(request.From.Id));
        if (result is not { Outcome: UserOutcome.Done or UserOutcome.Unchanged, User: { } user })
        {
            await sender.SendTextAsync(request.ChatId, request.Texts.AdminActionFailed(result.Error ?? result.Outcome.ToString()), cancellationToken: cancellationToken);
            return;
        }
        var card = request.Texts.UserCard(user);
        var keyboard = BotKeyboards.UserActions(request.Texts, user);
        if (editMessage && request.MessageId is { } messageId && await sender.TryEditAsync(request.ChatId, messageId, card, keyboard, SendPolicy.Interactive, cancellationToken))
        {
            return;
        }
        await sender.SendTextAsync(request.ChatId, card, keyboard, cancellationToken: cancellationToken);
    }

    private Task SendCardAsync(BotRequest request, UserView user, CancellationToken cancellationToken) =>
        sender.SendTextAsync(request.ChatId, request.Texts.UserCard(user), BotKeyboards.UserActions(request.Texts, user), cancellationToken: cancellationToken);

    /// <summary>One user by user id, Telegram id, @username (exact) or employee id; null when none matches exactly.</summary>
    private async Task<UserView?> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        string? userId = null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var telegramId))
        {
            userId = await directory.FindByTelegramIdAsync(telegramId, cancellationToken);
        }
        else if (text.StartsWith('@') && text.Length > 1)
        {
            var page = await directory.SearchAsync(new UserQuery(text[1..], null, 1, 20), cancellationToken);
            userId = page.Users.FirstOrDefault(u => string.Equals(u.Username, text[1..], StringComparison.OrdinalIgnoreCase))?.UserId;
        }
        else if (UserIds.IsWellFormed(text) && await grains.GetGrain<IUserGrain>(text).GetAsync() is { } byId)
        {
            return byId;
        }
        else if (text.Length <= 64)
        {
            userId = await directory.FindByEmployeeIdAsync(text, cancellationToken);
        }
        return userId is null ? null : await grains.GetGrain<IUserGrain>(userId).GetAsync();
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200];
}
