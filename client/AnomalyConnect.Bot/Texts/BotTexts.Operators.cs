using System.Globalization;
using System.Net;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Notifications;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Bot.Texts;

/// <summary>The texts of corporate access and of the admin commands.</summary>
public sealed partial class BotTexts
{
    // ---- Corporate -----------------------------------------------------------------------------------------------

    public string Activation(ActivationOutcome outcome) => outcome switch
    {
        ActivationOutcome.Linked => en
            ? "✅ Your Telegram account is now linked to your corporate access. Get your configuration with /get_config."
            : "✅ Аккаунт Telegram привязан к корпоративному доступу. Получить конфигурацию: /get_config.",
        ActivationOutcome.Expired => en
            ? "This activation link has expired. Please ask HR for a new one."
            : "Срок ссылки активации истёк. Попросите, пожалуйста, новую у HR.",
        ActivationOutcome.AlreadyUsed => en ? "This activation link has already been used." : "Эта ссылка активации уже использована.",
        ActivationOutcome.TelegramInUse => en
            ? "This Telegram account is already linked to another user."
            : "Этот аккаунт Telegram уже привязан к другому пользователю.",
        _ => en ? "This activation link is not valid." : "Эта ссылка активации недействительна.",
    };

    public string CorporateUnavailable => en ? "Corporate access is not available here." : "Корпоративный доступ здесь недоступен.";

    public string ConfigNotLinked => en
        ? "Your Telegram account is not linked to corporate access. Open the activation link HR sent you."
        : "Ваш Telegram не привязан к корпоративному доступу. Откройте ссылку активации, которую прислал HR.";

    public string ConfigRequested => en
        ? "Request sent. Confirm it with the buttons in the next message within 5 minutes."
        : "Запрос отправлен. Подтвердите его кнопками в следующем сообщении в течение 5 минут.";

    public string ConfigApprovalPrompt(string channel, DateTimeOffset expiresAt) => en
        ? $"🔐 Someone asked for your VPN configuration ({H(channel)}). Was it you?\nThe request is valid until {Date(expiresAt)}."
        : $"🔐 Кто-то запросил вашу VPN-конфигурацию ({H(channel)}). Это были вы?\nЗапрос действует до {Date(expiresAt)}.";

    public string ConfigDecision(ConfigRequestState state) => state switch
    {
        ConfigRequestState.Approved => en ? "✅ Confirmed. Here is your configuration:" : "✅ Подтверждено. Ваша конфигурация:",
        ConfigRequestState.Denied => en
            ? "❌ Request denied. If it was not you, please tell your security team."
            : "❌ Запрос отклонён. Если это были не вы — сообщите в службу безопасности.",
        ConfigRequestState.Expired => en ? "This request has expired. Ask again with /get_config." : "Запрос истёк. Запросите снова: /get_config.",
        _ => en ? "This request is still waiting for a decision." : "Этот запрос ещё ждёт решения.",
    };

    // ---- Admin ---------------------------------------------------------------------------------------------------

    public string AdminHelp => en
        ? "<b>Admin</b>\n/stats — users, revenue, nodes\n/nodes — node list\n/find &lt;telegram id | @username | employee id | text&gt;\n/extend &lt;user&gt; &lt;days&gt;, /disable &lt;user&gt; [reason], /enable &lt;user&gt;, /reset &lt;user&gt;\n/broadcast &lt;all | active | expired | limited | disabled | on_hold&gt; &lt;text&gt;\n/reg_add &lt;employee id&gt;, /reg_revoke &lt;employee id&gt;, /reg_list [registered | revoked]"
        : "<b>Администратор</b>\n/stats — пользователи, выручка, ноды\n/nodes — список нод\n/find &lt;telegram id | @username | табельный номер | текст&gt;\n/extend &lt;пользователь&gt; &lt;дни&gt;, /disable &lt;пользователь&gt; [причина], /enable &lt;пользователь&gt;, /reset &lt;пользователь&gt;\n/broadcast &lt;all | active | expired | limited | disabled | on_hold&gt; &lt;текст&gt;\n/reg_add &lt;табельный номер&gt;, /reg_revoke &lt;табельный номер&gt;, /reg_list [registered | revoked]";

    public string Stats(IReadOnlyDictionary<UserStatus, long> users, RevenueReport? revenue, IReadOnlyList<NodeSummary> nodes)
    {
        var lines = new List<string> { en ? "<b>📊 Statistics</b>" : "<b>📊 Статистика</b>" };
        lines.Add((en ? "Users: " : "Пользователи: ") + string.Join(", ",
            Enum.GetValues<UserStatus>().Select(s => $"{StatusName(s)} {users.GetValueOrDefault(s)}")) + $" ({(en ? "total" : "всего")} {users.Values.Sum()})");
        lines.Add(revenue is null
            ? (en ? "Revenue: not available" : "Выручка: недоступна")
            : en
                ? $"Revenue: today {Rub(revenue.TodayRub)} + {revenue.TodayStars} ⭐, this month {Rub(revenue.MonthRub)} + {revenue.MonthStars} ⭐"
                : $"Выручка: сегодня {Rub(revenue.TodayRub)} + {revenue.TodayStars} ⭐, за месяц {Rub(revenue.MonthRub)} + {revenue.MonthStars} ⭐");
        var healthy = nodes.Count(n => n.Node.Health == NodeHealth.Healthy);
        lines.Add(en ? $"Nodes: {healthy} of {nodes.Count} healthy" : $"Ноды: исправны {healthy} из {nodes.Count}");
        return string.Join('\n', lines);
    }

    public string Nodes(IReadOnlyList<NodeSummary> nodes)
    {
        if (nodes.Count == 0)
        {
            return en ? "No nodes are registered." : "Ноды не зарегистрированы.";
        }
        var lines = nodes.Select(n =>
            $"{Health(n.Node.Health)} <b>{H(n.Node.NodeId)}</b> {H(n.Node.Name)} ({H(n.Node.Region)}) — " +
            (en ? $"{n.ActiveUsers} users, load {n.Load.ToString("P0", CultureInfo.InvariantCulture)}" : $"пользователей {n.ActiveUsers}, нагрузка {n.Load.ToString("P0", CultureInfo.InvariantCulture)}") +
            (n.Node.LastError is { Length: > 0 } error && n.Node.Health != NodeHealth.Healthy ? $"\n   {H(Clip(error, 120))}" : ""));
        return (en ? "<b>Nodes</b>\n" : "<b>Ноды</b>\n") + string.Join('\n', lines);
    }

    public string UserCard(UserView user)
    {
        var lines = new List<string>
        {
            $"<b>{H(user.UserId)}</b> — {Status(user.Status)}",
            (en ? "Until: " : "До: ") + (user.ExpiresAt is { } at ? Date(at) : (en ? "no end date" : "без срока")),
            Traffic(user.UsedBytes, user.TrafficLimitBytes),
        };
        if (user.TelegramId is { } tg)
        {
            lines.Add($"Telegram: <code>{tg}</code>" + (user.Username is { } name ? $" @{H(name)}" : ""));
        }
        if (user.EmployeeId is { } employee)
        {
            lines.Add((en ? "Employee: " : "Сотрудник: ") + H(employee));
        }
        if (user.DisplayName is { } display)
        {
            lines.Add((en ? "Name: " : "Имя: ") + H(display));
        }
        if (user.DisabledReason is { } reason)
        {
            lines.Add((en ? "Disabled: " : "Отключён: ") + H(reason));
        }
        return string.Join('\n', lines);
    }

    public string UsersFound(int shown, long total) => en ? $"Found {total}, showing {shown}:" : $"Найдено {total}, показаны {shown}:";

    public string UserNotFound => en ? "No such user." : "Такого пользователя нет.";

    public string AdminActionFailed(string? error) => (en ? "Not done: " : "Не выполнено: ") + H(error ?? (en ? "unknown error" : "неизвестная ошибка"));

    public string Usage(string usage) => (en ? "Usage: " : "Использование: ") + H(usage);

    public string BroadcastPreview(BroadcastView broadcast) => en
        ? $"📣 Broadcast #{broadcast.BroadcastId} to {SegmentName(broadcast.Segment)}: {broadcast.Total} recipients.\n\n{H(broadcast.Text)}"
        : $"📣 Рассылка #{broadcast.BroadcastId} — {SegmentName(broadcast.Segment)}: {broadcast.Total} получателей.\n\n{H(broadcast.Text)}";

    public string BroadcastProgress(BroadcastView b) => en
        ? $"📣 Broadcast #{b.BroadcastId}: sent {b.Sent} of {b.Total}, blocked the bot {b.Blocked}, failed {b.Failed}."
        : $"📣 Рассылка #{b.BroadcastId}: отправлено {b.Sent} из {b.Total}, заблокировали бота {b.Blocked}, ошибок {b.Failed}.";

    public string BroadcastDone(BroadcastView b) => (en
        ? $"✅ Broadcast #{b.BroadcastId} finished: sent {b.Sent} of {b.Total}, blocked the bot {b.Blocked}, failed {b.Failed}."
        : $"✅ Рассылка #{b.BroadcastId} завершена: отправлено {b.Sent} из {b.Total}, заблокировали бота {b.Blocked}, ошибок {b.Failed}.")
        + (b.InDoubt == 0 ? "" : en
            ? $"\n{b.InDoubt} were being sent when the bot restarted: each got the message at most once and is not sent again."
            : $"\n{b.InDoubt} отправлялись в момент перезапуска: каждый получил сообщение не больше одного раза и повторно не получит.");

    public string BroadcastCanceled(long id) => en ? $"Broadcast #{id} canceled." : $"Рассылка #{id} отменена.";

    public string BroadcastGone => en ? "This broadcast was already started or canceled." : "Эта рассылка уже запущена или отменена.";

    public string BroadcastEmpty => en ? "Nobody to send to in this segment." : "В этом сегменте некому отправлять.";

    public string BroadcastStarted(long id) => en ? $"Broadcast #{id} started." : $"Рассылка #{id} запущена.";

    public string RegistryChanged(string employeeId, EmployeeResult result, RegistryState state) => result.Outcome switch
    {
        EmployeeOutcome.Done or EmployeeOutcome.Duplicate when state == RegistryState.Registered =>
            en ? $"✅ {H(employeeId)} is in the registry." : $"✅ {H(employeeId)} внесён в реестр.",
        EmployeeOutcome.Done or EmployeeOutcome.Duplicate =>
            en ? $"⛔ {H(employeeId)} revoked; its access is off." : $"⛔ {H(employeeId)} отозван, доступ отключён.",
        _ => AdminActionFailed(result.Error ?? result.Outcome.ToString()),
    };

    public string Registry(IReadOnlyList<EmployeeView> employees)
    {
        if (employees.Count == 0)
        {
            return en ? "The registry is empty." : "Реестр пуст.";
        }
        return (en ? "<b>Registry</b>\n" : "<b>Реестр</b>\n") + string.Join('\n', employees.Select(e =>
            $"{(e.Registry == RegistryState.Registered ? "✅" : "⛔")} <code>{H(e.EmployeeId)}</code>" +
            (e.FullName is { } name ? " " + H(name) : "") +
            (e.TelegramId is { } tg ? $" (tg {tg})" : "") +
            (e.IsActive ? "" : en ? " — no access" : " — без доступа")));
    }

    public string AdminOnly => UnknownCommand;
}
