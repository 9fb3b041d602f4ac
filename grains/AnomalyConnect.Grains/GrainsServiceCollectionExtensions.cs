using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Audit;
using AnomalyConnect.Grains.Corporate;
using AnomalyConnect.Grains.Nodes;
using AnomalyConnect.Grains.Nodes.Handlers;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Grains.Subscriptions;
using AnomalyConnect.Grains.Users;
using AnomalyConnect.Integrations.Hysteria2;
using AnomalyConnect.Integrations.Xray;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>The product's grains, their directories, and the outbox handlers that reach nodes.</summary>
    public static IServiceCollection AddAnomalyGrains(this IServiceCollection services, NodeOptions nodeOptions, NodeClientOptions clientOptions)
    {
        services.AddSingleton(Options.Create(nodeOptions));
        services.AddSingleton<NodeCatalog>();
        services.AddSingleton<IUserDirectory, UserDirectory>();
        services.AddSingleton<SubscriptionReadModel>();
        services.AddSingleton<ISubscriptionUsers>(provider => provider.GetRequiredService<SubscriptionReadModel>());
        services.AddHostedService<UserChangeListener>();
        services.AddSingleton<INodeDirectory, NodeDirectory>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddGrain<IUserGrain, UserGrain>(UserIndexes.GrainType);
        services.AddGrain<INodeGrain, NodeGrain>(NodeConnections.GrainType);
        services.AddCorporateGrains();
        services.AddSubscriptionGrains();
        Admin.AdminGrainsServiceCollectionExtensions.AddAdminGrains(services);
        Bot.BotGrainsServiceCollectionExtensions.AddBotGrains(services);

        // Node calls run for every push, poll and heartbeat: four Information lines per call from the client
        // factory's loggers were most of the silo's log and a tenth of its CPU under grants. Failures are logged by
        // the node grain and the outbox.
        services.AddHttpClient<XrayApiClient>(http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => XrayApiClient.CreateHandler(clientOptions.LoadClientCertificate(), clientOptions.LoadCaCertificate()))
            .RemoveAllLoggers();
        services.AddHttpClient<Hysteria2StatsClient>(http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => XrayApiClient.CreateHandler(clientOptions.LoadClientCertificate(), clientOptions.LoadCaCertificate()))
            .RemoveAllLoggers();
        services.AddSingleton<NodeConnections>();
        services.AddSingleton<NodeProber>();

        services.AddOutboxHandler<NodeTickHandler>();
        services.AddOutboxHandler<NodeHeartbeatHandler>();
        services.AddOutboxHandler<NodeUserSyncHandler>();
        services.AddOutboxHandler<NodeResyncHandler>();
        services.AddOutboxHandler<NodeEvacuateHandler>();
        services.AddOutboxHandler<UserReviewHandler>();
        return services;
    }
}
