using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace AnomalyConnect.Grains.Runtime;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime on PostgreSQL. Every process that calls grains needs it; a silo also passes
    /// <paramref name="runSiloWork"/> to deliver the outbox and fire timers through the Quartz cluster.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(
        this IServiceCollection services, string connectionString, GrainRuntimeOptions options, bool runSiloWork)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => BuildDataSource(connectionString));
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<GrainTypeRegistry>();
        services.AddSingleton<GrainStore>();
        services.AddSingleton<GrainFactory>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<GrainIndex>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IReadinessProbe, PostgresReadinessProbe>();
        if (runSiloWork)
        {
            services.AddSiloWork(connectionString, options);
        }
        return services;
    }

    /// <summary>Registers a grain class for its interface; <paramref name="typeName"/> is what its rows are stored under.</summary>
    public static IServiceCollection AddGrain<TInterface, TImplementation>(this IServiceCollection services, string typeName)
        where TInterface : IGrain
        where TImplementation : class, TInterface
    {
        services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TImplementation), typeName));
        return services;
    }

    /// <summary>Registers the handler that delivers one kind of outbox message.</summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services)
        where THandler : class, IOutboxHandler
    {
        services.AddSingleton<IOutboxHandler, THandler>();
        return services;
    }

    private static void AddSiloWork(this IServiceCollection services, string connectionString, GrainRuntimeOptions options)
    {
        services.AddSingleton<TimerSweeper>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "anomaly-connect";
                scheduler.InstanceId = options.SiloName;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(postgres => postgres.ConnectionString = connectionString);
                store.ConfigureStore(adoStore =>
                {
                    adoStore.TablePrefix = "qrtz_";
                    adoStore.SchemaProvisioning = SchemaProvisioning.Validate; // our migrations own the tables
                });
                store.UseSystemTextJsonSerializer();
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = options.ClusterCheckinInterval;
                    cluster.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
                });
            });
            quartz.AddJob<TimerSweepJob>(job => job.WithIdentity(TimerSweepJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(TimerSweepJob.Key)
                .WithIdentity(TimerSweepJob.TriggerKey)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(options.TimerSweepInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
    }

    /// <summary>
    /// The one data source of a process. Unless the connection string says otherwise, statements are prepared on
    /// the server after their second use: a grain turn runs the same dozen statements thousands of times, and
    /// parsing and planning them every time was most of PostgreSQL's work per turn. (Behind a pooler in transaction
    /// mode, put <c>Max Auto Prepare=0</c> in the connection string.) And a connection going back to the pool is not
    /// reset: with prepared statements Npgsql cannot send <c>DISCARD ALL</c> and sent its seven parts instead, 30 of
    /// the 45 statements of a grant. Nothing here leaves session state behind: transactions are rolled back on close
    /// either way, advisory locks are per transaction or released explicitly (the migrations'), and the change
    /// listener unlistens before its connection goes back.
    /// </summary>
    internal static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The untyped builder holds only the keys the string has (Npgsql's own answers true for every keyword).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Says(string keyword) => given.ContainsKey(keyword) || given.ContainsKey(keyword.Replace(" ", "", StringComparison.Ordinal));
        if (!Says("Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        if (!Says("No Reset On Close"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }
        return builder.Build();
    }
}
