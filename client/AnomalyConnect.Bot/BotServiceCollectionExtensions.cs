using AnomalyConnect.Bot.Admin;
using AnomalyConnect.Bot.Broadcasts;
using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Bot.Conversations;
using AnomalyConnect.Bot.Corporate;
using AnomalyConnect.Bot.Notifications;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AnomalyConnect.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The Telegram bot. Every process with a token gets the client, the flows and the webhook secret (the front end
    /// checks webhook calls with it). A process with the silo role also delivers the bot's outbox kinds — updates from
    /// the inbox, user notifications, corporate approval prompts; one with the bot role polls Telegram (or registers
    /// the webhook) and sends broadcasts. The grains side (inbox, chats, broadcasts) is registered with the grains.
    /// </summary>
    /// <exception cref="ConfigurationProblemException">A bot variable is set but unusable.</exception>
    public static IServiceCollection AddTelegramBot(this IServiceCollection services, IConfiguration configuration, BotHosting hosting)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = BotOptionsReader.Read(configuration, hosting);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(hosting);
        services.AddTelegramBotClient(_ => new TelegramBotOptions { BaseUrl = options.ApiBaseUrl, Token = options.Token });
        services.AddSingleton<TelegramRateLimiter>();
        services.AddSingleton<BotSender>();
        services.AddSingleton<BroadcastSignal>();
        services.AddSingleton<ITelegramWebhookSecret, TelegramWebhookSecretSource>();

        services.AddSingleton<UserAccounts>();
        services.AddSingleton<MenuFlow>();
        services.AddSingleton<StartFlow>();
        services.AddSingleton<AccessFlow>();
        services.AddSingleton<TrialFlow>();
        services.AddSingleton<BuyFlow>();
        services.AddSingleton<CheckoutFlow>();
        services.AddSingleton<PromoFlow>();
        services.AddSingleton<InfoFlow>();
        services.AddSingleton<CorporateFlow>();
        services.AddSingleton<AdminUsers>();
        services.AddSingleton<AdminBroadcasts>();
        services.AddSingleton<AdminRegistry>();
        services.AddSingleton<AdminCommands>();
        services.AddSingleton<UpdateDispatcher>();

        if (hosting.DeliversOutbox)
        {
            services.AddSingleton<IOutboxHandler, TelegramUpdateHandler>();
            services.AddSingleton<IOutboxHandler, UserNotificationHandler>();
            services.AddSingleton<IOutboxHandler, ConfigApprovalHandler>();
        }
        if (hosting.RunsBot)
        {
            if (options.WebhookUrl is null)
            {
                services.AddHostedService<TelegramPollingService>();
            }
            else
            {
                services.AddHostedService<TelegramWebhookService>();
            }
            services.AddHostedService<BroadcastService>();
            services.AddHostedService<InboxJanitor>();
        }
        return services;
    }
}
