using AnomalyConnect.Deploy.Tests.Support;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Hysteria2;
using AnomalyConnect.Testing.V2ray;

namespace AnomalyConnect.Deploy.Tests;

/// <summary>
/// A node's management endpoint as deploy/node renders it, on loopback: Debian's nginx with the rendered nginx.conf and
/// the certificates of deploy/node/pki.sh, in front of a real v2ray gRPC API (Xray's API under v2ray's names) and the
/// fake of Hysteria2's traffic stats API.
/// </summary>
public sealed class NodeManagementFixture : IAsyncLifetime
{
    public const string NodeId = "node-mtls-1";
    public const string StatsSecret = "stats-secret-for-the-mtls-test";
    private const int StartAttempts = 3;

    private Pki? pki;
    private Pki? strangerPki;
    private NodeRender? render;
    private NginxPrefix? prefix;
    private NginxServer? server;
    private V2rayServerNode? v2ray;
    private FakeHysteria2StatsServer? stats;

    public int ManagementPort { get; private set; }

    public Pki Pki => pki ?? throw new InvalidOperationException("Not started.");

    /// <summary>A second, unrelated CA with its own client certificate.</summary>
    public Pki StrangerPki => strangerPki ?? throw new InvalidOperationException("Not started.");

    public FakeHysteria2StatsServer Stats => stats ?? throw new InvalidOperationException("Not started.");

    public Uri ManagementUrl => new($"https://127.0.0.1:{ManagementPort}");

    /// <summary>Lays out a rendered node nginx with the node's certificates as the node compose file mounts them.</summary>
    public static NginxPrefix Prepare(NodeRender render, Pki pki, string nodeId)
    {
        var prefix = new NginxPrefix();
        prefix.WriteConfig(NginxPrefix.MainConfig, File.ReadAllText(render.OutputFile("nginx/nginx.conf")));
        foreach (var file in new[] { "node.crt", "node.key", "ca.crt" })
        {
            prefix.CopyFile(Path.Combine(pki.NodeDirectory(nodeId), file), "/etc/nginx/pki/" + file);
        }
        return prefix;
    }

    public async Task InitializeAsync()
    {
        pki = await Pki.CreateForNodeAsync(NodeId, "127.0.0.1");
        strangerPki = await Pki.CreateForNodeAsync("stranger", "127.0.0.1");
        v2ray = await V2rayServerNode.StartAsync();
        stats = await FakeHysteria2StatsServer.StartAsync(StatsSecret);
        stats.SetTraffic("user-1", 123, 456);
        for (var attempt = 1; ; attempt++)
        {
            ManagementPort = FreePort.Next();
            render = new NodeRender(new Dictionary<string, string>
            {
                ["NODE_ID"] = NodeId,
                ["NODE_ADDRESS"] = "127.0.0.1",
                ["CONTROL_URL"] = "https://vpn.example.test",
                ["MGMT_PORT"] = ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["XRAY_API_PORT"] = v2ray.ApiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["HY2_STATS_PORT"] = stats.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["HY2_STATS_SECRET"] = StatsSecret,
            });
            await render.RenderAsync();
            prefix = Prepare(render, pki, NodeId);
            try
            {
                server = await NginxServer.StartAsync(prefix, ManagementPort);
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Most likely another process took the free port between FreePort.Next() and nginx's bind.
                prefix.Dispose();
                render.Dispose();
            }
        }
    }

    public async Task DisposeAsync()
    {
        server?.Dispose();
        prefix?.Dispose();
        render?.Dispose();
        if (stats is not null)
        {
            await stats.DisposeAsync();
        }
        if (v2ray is not null)
        {
            await v2ray.DisposeAsync();
        }
        pki?.Dispose();
        strangerPki?.Dispose();
    }
}
