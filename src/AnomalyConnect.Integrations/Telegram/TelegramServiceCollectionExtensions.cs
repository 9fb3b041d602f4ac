using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Integrations.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TelegramBotClient"/> as a typed HTTP client. HttpClientFactory's request logging is removed
    /// because it writes request URLs, and every Bot API URL contains the token.
    /// </summary>
    public static IHttpClientBuilder AddTelegramBotClient(
        this IServiceCollection services,
        Func<IServiceProvider, TelegramBotOptions> options,
        TimeSpan? httpTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return services
            .AddHttpClient(nameof(TelegramBotClient), http => http.Timeout = httpTimeout ?? TimeSpan.FromSeconds(100))
            .AddTypedClient((http, provider) => new TelegramBotClient(http, options(provider)))
            .RemoveAllLoggers();
    }
}
