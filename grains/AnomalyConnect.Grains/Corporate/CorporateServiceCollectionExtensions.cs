using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Grains.Corporate;

public static class CorporateServiceCollectionExtensions
{
    /// <summary>The employee and config request grains, and the second factor and registry behind <see cref="ICorporateAccess"/>.</summary>
    public static IServiceCollection AddCorporateGrains(this IServiceCollection services)
    {
        services.AddGrain<IEmployeeGrain, EmployeeGrain>(EmployeeIndexes.GrainType);
        services.AddGrain<IConfigRequestGrain, ConfigRequestGrain>(ConfigRequestGrain.GrainType);
        services.AddSingleton<EmployeeUsers>();
        services.AddSingleton<EmployeeTurnGate>();
        services.AddSingleton<EmployeeRegistry>();
        services.AddSingleton<ICorporateAccess, CorporateAccess>();
        return services;
    }
}
