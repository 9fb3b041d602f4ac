using System.Text.Json.Nodes;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.Testing;

/// <summary>A real silo polling every second, real v2ray nodes, and a loopback web page to fetch through them.</summary>
public sealed class NodeTestBed : IAsyncDisposable
{
    public const int PageBytes = 200 * 1024;
    private readonly List<IAsyncDisposable> owned = [];

    private NodeTestBed(TestDatabase database, HostProcess silo, LoopbackHttpServer web)
    {
        Database = database;
        Silo = silo;
        Web = web;
        Admin = new AdminClient(silo.BaseAddress);
    }

    public TestDatabase Database { get; }

    public HostProcess Silo { get; }

    public LoopbackHttpServer Web { get; }

    public AdminClient Admin { get; }

    public static async Task<NodeTestBed> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["NODE_POLL_INTERVAL_SECONDS"] = "1",
            ["NODE_PROBE_TIMEOUT_SECONDS"] = "2",
            ["NODE_FAILURE_THRESHOLD"] = "2",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        var silo = await SiloProcess.StartAsync(database, overrides: settings);
        return new NodeTestBed(database, silo, LoopbackHttpServer.Start());
    }

    public async Task<V2rayServerNode> StartNodeAsync()
    {
        var node = await V2rayServerNode.StartAsync();
        owned.Add(node);
        return node;
    }

    public Task<JsonObject> RegisterAsync(string nodeId, V2rayServerNode node, int capacity = 100) =>
        Admin.PostAsync("/admin/api/nodes", new
        {
            id = nodeId,
            name = nodeId,
            region = "eu",
            address = "127.0.0.1",
            capacity,
            xray = new { api_url = node.ApiUrl.ToString(), flavor = "v2ray", inbound_tag = node.InboundTag, port = node.VlessPort, security = "none" },
        });

    public async Task<(string UserId, string Uuid)> CreateUserAsync(object? body = null)
    {
        var user = await Admin.PostAsync("/admin/api/users", body ?? new { days = 30 });
        var userId = user["user_id"]!.GetValue<string>();
        var uuid = await Database.ScalarAsync<string>("SELECT state->>'vless_uuid' FROM grain_state WHERE grain_type = 'user' AND grain_key = $1", userId);
        return (userId, uuid);
    }

    public async Task<JsonObject> UserAsync(string userId) => (await Admin.GetAsync($"/admin/api/users/{userId}")).AsObject();

    /// <summary>Whether a fresh VLESS connection through the node fetches the page now.</summary>
    public async Task<bool> CanFetchAsync(V2rayServerNode node, string uuid)
    {
        await using var client = await V2rayVlessClient.StartAsync(node.VlessPort, uuid);
        using var http = client.CreateHttpClient(TimeSpan.FromSeconds(5));
        try
        {
            var body = await http.GetByteArrayAsync(Web.PageUrl(PageBytes));
            return body.Length == PageBytes;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    /// <summary>Waits (bounded) until fetching through the node works, or stops working.</summary>
    public Task<bool> EventuallyFetchAsync(V2rayServerNode node, string uuid, bool expected, int seconds = 30) =>
        Eventually.TrueAsync(async () => await CanFetchAsync(node, uuid) == expected, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(500));

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        foreach (var resource in owned)
        {
            await resource.DisposeAsync();
        }
        await Web.DisposeAsync();
        await Silo.DisposeAsync();
        await Database.DisposeAsync();
    }
}
