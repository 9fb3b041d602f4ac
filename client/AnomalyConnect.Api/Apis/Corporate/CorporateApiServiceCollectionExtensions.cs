using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Corporate;

public static class CorporateApiServiceCollectionExtensions
{
    /// <summary>
    /// The corporate API's settings (read now, so that a bad value stops start-up: <see cref="Contracts.Runtime.ConfigurationProblemException"/>)
    /// and the failed-authentication limiter shared by the corporate API and the HR webhook.
    /// </summary>
    public static IServiceCollection AddCorporateApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Options.Create(CorporateOptions.Read(configuration)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuthFailureLimiter>();
        return services;
    }
}
