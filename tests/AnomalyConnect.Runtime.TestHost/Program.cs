using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Runtime.TestHost;

// A silo of the grain runtime with one test grain, driven over HTTP by the runtime's cross-process tests.
var builder = WebApplication.CreateBuilder(args);
var options = new GrainRuntimeOptions
{
    SiloName = builder.Configuration["SILO_NAME"] ?? "testhost",
    TimerSweepInterval = TimeSpan.FromMilliseconds(500),
    OutboxPollInterval = TimeSpan.FromMilliseconds(200),
    OutboxLease = TimeSpan.FromSeconds(double.Parse(builder.Configuration["OUTBOX_LEASE_SECONDS"] ?? "30", System.Globalization.CultureInfo.InvariantCulture)),
    ClusterCheckinInterval = TimeSpan.FromSeconds(2),
    ClusterCheckinMisfireThreshold = TimeSpan.FromSeconds(4),
};
builder.Services.AddGrainRuntime(builder.Configuration["DATABASE"]!, options, runSiloWork: true);
builder.Services.AddGrain<ICounterGrain, CounterGrain>("test-counter");
builder.Services.AddOutboxHandler<NoteDeliveryHandler>();

var app = builder.Build();
await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);

app.MapGet("/healthz", () => "ok");
app.MapPost("/counters/{key}/add", async (string key, long amount, IGrainFactory grains) =>
    await grains.GetGrain<ICounterGrain>(key).AddAsync(amount));
app.MapGet("/counters/{key}", async (string key, IGrainFactory grains) =>
    await grains.GetGrain<ICounterGrain>(key).GetAsync() is { } snapshot ? Results.Ok(snapshot) : Results.NotFound());
app.MapPost("/counters/{key}/ring", async (string key, DateTimeOffset dueAt, IGrainFactory grains) =>
{
    await grains.GetGrain<ICounterGrain>(key).ScheduleRingAsync(dueAt);
    return Results.NoContent();
});
app.MapPost("/counters/{key}/notes", async (string key, string text, IGrainFactory grains) =>
{
    await grains.GetGrain<ICounterGrain>(key).SendNoteAsync(text);
    return Results.NoContent();
});
await app.RunAsync();
