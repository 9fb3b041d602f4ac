using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Grains.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>The devices grain and the batched subscription fetch log it writes to.</summary>
    public static IServiceCollection AddSubscriptionGrains(this IServiceCollection services)
    {
        services.AddGrain<IUserDevicesGrain, UserDevicesGrain>(UserDevicesGrain.GrainType);
        services.AddSingleton<SubscriptionFetchLog>();
        services.AddHostedService<SubscriptionFetchWriter>();
        return services;
    }
}
