using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Integrations.YooKassa;

public static class YooKassaServiceCollectionExtensions
{
    /// <summary>Registers <see cref="YooKassaClient"/> as a typed HTTP client.</summary>
    public static IHttpClientBuilder AddYooKassaClient(
        this IServiceCollection services,
        Func<IServiceProvider, YooKassaOptions> options,
        TimeSpan? httpTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return services
            .AddHttpClient(nameof(YooKassaClient), http => http.Timeout = httpTimeout ?? TimeSpan.FromSeconds(30))
            .AddTypedClient((http, provider) => new YooKassaClient(http, options(provider)));
    }
}
