using AnomalyConnect.Api;
using AnomalyConnect.Api.Apis.Corporate;
using AnomalyConnect.Api.Extensions;
using AnomalyConnect.Grains;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Silo.Extensions;

public static class SiloHostExtensions
{
    /// <summary>The grain runtime and, by role, the front end.</summary>
    public static WebApplicationBuilder AddSiloServices(this WebApplicationBuilder builder, SiloSettings settings)
    {
        builder.Services.AddSingleton(Options.Create(settings));
        var runtimeOptions = new GrainRuntimeOptions();
        builder.Configuration.GetSection(GrainRuntimeOptions.SectionName).Bind(runtimeOptions);
        if (settings.SiloName is { Length: > 0 } siloName)
        {
            runtimeOptions.SiloName = siloName;
        }
        builder.Services.AddGrainRuntime(settings.DatabaseConnectionString, runtimeOptions, runSiloWork: settings.Roles.Silo);
        builder.Services.AddAnomalyGrains(settings.Nodes, settings.NodeClient);
        builder.Services.AddPaymentGrains(builder.Configuration, settings.AppUrl, settings.BotToken);
        if (settings.BotToken is null)
        {
            builder.Services.AddOutboxHandler<DiscardedNotificationsHandler>();
        }
        else
        {
            AnomalyConnect.Bot.BotServiceCollectionExtensions.AddTelegramBot(builder.Services, builder.Configuration, new AnomalyConnect.Bot.Configuration.BotHosting(
                settings.BotToken, settings.AdminIds, settings.AppUrl, RunsBot: settings.Roles.Bot, DeliversOutbox: settings.Roles.Silo, runtimeOptions.SiloName));
        }
        builder.Services.AddSingleton(Options.Create(new FrontEndOptions
        {
            AppUrl = settings.AppUrl,
            ApiSecretKey = settings.ApiSecretKey,
            CorporateSecret = settings.CorporateSecret,
            WebhookSecret = settings.WebhookSecret,
            TrustedProxies = settings.TrustedProxies,
        }));
        builder.Services.AddSingleton(Options.Create(AnomalyConnect.Api.Admin.AdminOptions.Read(builder.Configuration)));
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddFrontEnd();
        builder.Services.AddCorporateApi(builder.Configuration);
        return builder;
    }

    /// <summary>Brings the schema up to date, then maps what this process serves.</summary>
    public static async Task PrepareAsync(this WebApplication app, SiloSettings settings)
    {
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(app.Lifetime.ApplicationStopping);
        app.UseFrontEnd();
        if (settings.Roles.Api)
        {
            app.MapFrontEnd();
        }
        else
        {
            app.MapHealthApiOnly();
            AnomalyConnect.Api.Metrics.MetricsApi.MapMetrics(app);
        }
    }

    private static void MapHealthApiOnly(this WebApplication app) =>
        AnomalyConnect.Api.Apis.HealthApi.MapHealthApi(app);
}
