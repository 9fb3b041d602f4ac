using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Grains.Admin;

public static class AdminGrainsServiceCollectionExtensions
{
    /// <summary>Admin accounts and sessions, overview figures, and bulk jobs (grain "bulk-job", outbox kind "bulk.apply").</summary>
    public static IServiceCollection AddAdminGrains(this IServiceCollection services)
    {
        services.AddSingleton<IAdminAccounts, AdminAccountStore>();
        services.AddSingleton<IAdminSessions, AdminSessionStore>();
        services.AddSingleton<IAdminStatistics, AdminStatistics>();
        services.AddOptions<BulkJobOptions>().BindConfiguration(BulkJobOptions.SectionName);
        services.AddGrain<IBulkJobGrain, BulkJobGrain>(BulkJobGrain.GrainType);
        services.AddOutboxHandler<BulkApplyHandler>();
        return services;
    }
}
