using System.Text.Json.Nodes;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.Benchmarks.World;

/// <summary>
/// Everything the figures run against, all on 127.0.0.1: an own PostgreSQL (pg_stat_statements loaded), the real
/// silo executable (one, a second for scale-out), a real v2ray node (node-1), loopback nodes speaking its gRPC API
/// (node-2 …), and a loopback web page to fetch through VLESS.
/// </summary>
public sealed class BenchWorld : IAsyncDisposable
{
    public const string RealNodeId = "node-1";
    public const int NodeCapacity = 100_000;
    private readonly Dictionary<string, FakeXrayNode> fakeNodes = [];
    private readonly List<HostProcess> extraSilos = [];
    private InProcessGrains? inProcess;

    private BenchWorld(PostgresServer postgres, string connectionString, HostProcess silo, LoopbackHttpServer web)
    {
        Postgres = postgres;
        ConnectionString = connectionString;
        Silo = silo;
        Web = web;
        Db = new Database(connectionString);
        Admin = new AdminClient(silo.BaseAddress);
        Rss = new RssSampler(silo.Id);
    }

    public PostgresServer Postgres { get; }

    public string ConnectionString { get; }

    public HostProcess Silo { get; }

    public LoopbackHttpServer Web { get; }

    public Database Db { get; }

    public AdminClient Admin { get; }

    public RssSampler Rss { get; }

    public V2rayServerNode? RealNode { get; private set; }

    public IReadOnlyDictionary<string, FakeXrayNode> FakeNodes => fakeNodes;

    public IReadOnlyList<HostProcess> ExtraSilos => extraSilos;

    /// <summary>The silos brought to a running silo's state by <see cref="GrantLoad.WarmUpAsync"/>.</summary>
    public HashSet<Uri> WarmedUp { get; } = [];

    public InProcessGrains InProcess => inProcess ??= new InProcessGrains(ConnectionString);

    /// <summary>Every running silo's process id.</summary>
    public IReadOnlyList<int> SiloPids => [Silo.Id, .. extraSilos.Where(s => !s.HasExited).Select(s => s.Id)];

    public LoadWindow StartWindow() => new(() => SiloPids, () => Postgres.Port);

    public static async Task<BenchWorld> StartAsync()
    {
        Report.Progress("starting PostgreSQL 15 (own data directory, 127.0.0.1, pg_stat_statements)");
        var postgres = await PostgresServer.StartAsync(new Dictionary<string, string>
        {
            ["shared_preload_libraries"] = "pg_stat_statements",
            ["shared_buffers"] = "256MB",
            ["max_connections"] = "300",
        });
        await postgres.CreateDatabaseAsync("bench");
        var connectionString = postgres.ConnectionString("bench");
        Report.Progress("starting silo-1 (the real silo executable, Release build)");
        var silo = await StartSiloProcessAsync(connectionString, "silo-1");
        var world = new BenchWorld(postgres, connectionString, silo, LoopbackHttpServer.Start());
        await world.Db.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return world;
    }

    public async Task<HostProcess> StartExtraSiloAsync(string name)
    {
        var silo = await StartSiloProcessAsync(ConnectionString, name);
        extraSilos.Add(silo);
        return silo;
    }

    public async Task StopExtraSilosAsync()
    {
        foreach (var silo in extraSilos)
        {
            await silo.DisposeAsync();
        }
        extraSilos.Clear();
    }

    /// <summary>Starts v2ray as node-1, registers it through the admin API and waits until it is healthy and idle.</summary>
    public async Task RegisterRealNodeAsync()
    {
        RealNode = await V2rayServerNode.StartAsync();
        await RegisterAsync(RealNodeId, RealNode.ApiUrl, RealNode.InboundTag, RealNode.VlessPort);
    }

    public async Task<FakeXrayNode> RegisterFakeNodeAsync(string nodeId)
    {
        var node = await FakeXrayNode.StartAsync();
        fakeNodes[nodeId] = node;
        await RegisterAsync(nodeId, node.ApiUrl, "vless-in", 10443);
        return node;
    }

    /// <summary>Waits until every outbox entry was delivered; false if <paramref name="within"/> passed first.</summary>
    public Task<bool> WaitForEmptyOutboxAsync(TimeSpan within) =>
        Db.WaitForZeroAsync("SELECT count(*) FROM outbox", within);

    public async ValueTask DisposeAsync()
    {
        await Rss.DisposeAsync();
        if (inProcess is not null)
        {
            await inProcess.DisposeAsync();
        }
        Admin.Dispose();
        await StopExtraSilosAsync();
        await Silo.DisposeAsync();
        foreach (var node in fakeNodes.Values)
        {
            await node.DisposeAsync();
        }
        if (RealNode is not null)
        {
            await RealNode.DisposeAsync();
        }
        await Web.DisposeAsync();
        await Db.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    private static Task<HostProcess> StartSiloProcessAsync(string connectionString, string name)
    {
        var environment = SiloProcess.Environment(connectionString, name);
        environment["DB_POOL_SIZE"] = "60";
        return HostProcess.StartAsync(SiloProcess.AssemblyPath, environment, TimeSpan.FromSeconds(120));
    }

    private async Task RegisterAsync(string nodeId, Uri apiUrl, string inboundTag, int port)
    {
        await Admin.PostAsync("/admin/api/nodes", new
        {
            id = nodeId,
            name = nodeId,
            region = "eu",
            address = "127.0.0.1",
            capacity = NodeCapacity,
            xray = new { api_url = apiUrl.ToString(), flavor = "v2ray", inbound_tag = inboundTag, port, security = "none" },
        });
        var healthy = await Eventually.TrueAsync(async () =>
        {
            var node = (JsonObject)await Admin.GetAsync($"/admin/api/nodes/{nodeId}");
            return node["health"]?.GetValue<string>() == "healthy";
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        if (!healthy || !await WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"{nodeId} did not become healthy and idle within 60 s. Silo output:\n{Silo.Output}");
        }
    }
}
