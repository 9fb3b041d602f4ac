using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Users;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Bot.Admin;

/// <summary>
/// The admin commands (ADMIN_IDS only; to anyone else they do not exist): help, stats and nodes here, users, broadcasts
/// and the corporate registry in their own classes.
/// </summary>
internal sealed class AdminCommands(
    BotSender sender,
    IUserDirectory users,
    INodeDirectory nodes,
    IServiceProvider services,
    TimeProvider clock,
    AdminUsers adminUsers,
    AdminBroadcasts broadcasts,
    AdminRegistry registry)
{
    /// <summary>Runs the command if it is an admin command; false when it is not one.</summary>
    public async Task<bool> TryRunAsync(BotRequest request, string command, string arguments, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case "admin":
                await sender.SendTextAsync(request.ChatId, request.Texts.AdminHelp, cancellationToken: cancellationToken);
                return true;
            case "stats":
                await SendStatsAsync(request, cancellationToken);
                return true;
            case "nodes":
                await sender.SendTextAsync(request.ChatId, request.Texts.Nodes(await nodes.ListAsync(cancellationToken)), cancellationToken: cancellationToken);
                return true;
            case "find" or "user":
                await adminUsers.FindAsync(request, arguments, cancellationToken);
                return true;
            case "extend" or "disable" or "enable" or "reset":
                await adminUsers.RunAsync(request, command, arguments, cancellationToken);
                return true;
            case "broadcast":
                await broadcasts.DraftAsync(request, arguments, cancellationToken);
                return true;
            case "reg_add" or "reg_revoke" or "reg_list":
                await registry.RunAsync(request, command, arguments, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private async Task SendStatsAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var counts = await users.CountByStatusAsync(cancellationToken);
        var revenue = services.GetService<IPaymentDirectory>() is { } payments
            ? await payments.RevenueAsync(clock.GetUtcNow(), cancellationToken)
            : null;
        var nodeList = await nodes.ListAsync(cancellationToken);
        await sender.SendTextAsync(request.ChatId, request.Texts.Stats(counts, revenue, nodeList), cancellationToken: cancellationToken);
    }
}
