using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Grains.Catalog;
using AnomalyConnect.Grains.Payments;
using AnomalyConnect.Grains.Payments.Handlers;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Beside AddAnomalyGrains, so that the host adds payments with one line and no other import.
namespace AnomalyConnect.Grains;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>Reads the payment settings (<see cref="PaymentSettings"/>) and adds payments, tariffs and promo codes.</summary>
    /// <exception cref="Contracts.Runtime.ConfigurationProblemException">A payment setting cannot work.</exception>
    public static IServiceCollection AddPaymentGrains(this IServiceCollection services, IConfiguration configuration, string appUrl, string? botToken) =>
        services.AddPaymentGrains(PaymentSettings.Read(configuration, appUrl, botToken));

    /// <summary>Payments, tariffs and promo codes: their grains, directories, provider clients and outbox handlers.</summary>
    public static IServiceCollection AddPaymentGrains(this IServiceCollection services, PaymentOptions options)
    {
        services.AddSingleton(Options.Create(options));
        services.AddGrain<IPaymentGrain, PaymentGrain>(PaymentIndexes.GrainType);
        services.AddGrain<ITariffGrain, TariffGrain>(TariffGrain.GrainType);
        services.AddGrain<IPromoCodeGrain, PromoCodeGrain>(PromoCodeGrain.GrainType);
        services.AddSingleton<ICatalog, ProductCatalog>();
        services.AddSingleton<IPaymentDirectory, PaymentDirectory>();
        services.AddSingleton<IYooKassaNotifications, YooKassaNotifications>();
        services.AddSingleton<YooKassaGateway>();
        services.AddSingleton<TelegramStarsRefunds>();

        // Named clients of our own, so that the bot's registrations never change how payments reach the providers; no
        // request logging on the Telegram one, whose URLs carry the bot token.
        services.AddHttpClient(YooKassaGateway.HttpClientName, http => http.Timeout = options.ProviderTimeout);
        services.AddHttpClient(TelegramStarsRefunds.HttpClientName, http => http.Timeout = options.ProviderTimeout).RemoveAllLoggers();

        services.AddOutboxHandler<PaymentApplyHandler>();
        services.AddOutboxHandler<PromoReleaseHandler>();
        services.AddOutboxHandler<PromoGrantHandler>();
        return services;
    }
}
