using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Bot.Admin;

/// <summary>/reg_add, /reg_revoke and /reg_list: the corporate registry of employee ids, every change audited by the employee grain.</summary>
internal sealed class AdminRegistry(BotSender sender, IGrainFactory grains, IServiceProvider services)
{
    private const int PageSize = 50;

    public async Task RunAsync(BotRequest request, string command, string arguments, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        var argument = arguments.Trim();
        if (services.GetService<ICorporateAccess>() is not { } corporate)
        {
            await sender.SendTextAsync(request.ChatId, texts.CorporateUnavailable, cancellationToken: cancellationToken);
            return;
        }
        if (command == "reg_list")
        {
            RegistryState? state = argument.ToLowerInvariant() switch
            {
                "registered" => RegistryState.Registered,
                "revoked" => RegistryState.Revoked,
                _ => null,
            };
            var employees = await corporate.ListRegistryAsync(state, 1, PageSize, cancellationToken);
            await sender.SendTextAsync(request.ChatId, texts.Registry(employees), cancellationToken: cancellationToken);
            return;
        }
        if (!CorporateIds.IsWellFormedEmployeeId(argument))
        {
            await sender.SendTextAsync(request.ChatId, texts.Usage($"/{command} <employee id>"), cancellationToken: cancellationToken);
            return;
        }
        var target = command == "reg_add" ? RegistryState.Registered : RegistryState.Revoked;
        var result = await grains.GetGrain<IEmployeeGrain>(argument).SetRegistryAsync(target, AdminActor.Of(request.From.Id));
        await sender.SendTextAsync(request.ChatId, texts.RegistryChanged(argument, result, target), cancellationToken: cancellationToken);
    }
}
