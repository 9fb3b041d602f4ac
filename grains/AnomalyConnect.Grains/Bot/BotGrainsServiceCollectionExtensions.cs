using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Grains.Bot;

public static class BotGrainsServiceCollectionExtensions
{
    /// <summary>The bot's state: chat grains, the update inbox, broadcasts and generated settings. The bot itself lives in its own project.</summary>
    public static IServiceCollection AddBotGrains(this IServiceCollection services)
    {
        services.AddGrain<ITelegramChatGrain, TelegramChatGrain>(TelegramChatGrain.GrainType);
        services.AddSingleton<ITelegramInbox, TelegramInbox>();
        services.AddSingleton<IBroadcasts, Broadcasts>();
        services.AddSingleton<IBroadcastQueue, BroadcastQueue>();
        services.AddSingleton<IBotSettings, BotSettings>();
        return services;
    }
}
