using AnomalyConnect.Deploy.Tests.Support;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Deploy.Tests;

/// <summary>
/// The control server's nginx, rendered from the repository, running on loopback ports in front of a Kestrel backend.
/// Its admin allowlist admits 127.0.0.2 only; the tests pick their source address to be inside or outside it.
/// </summary>
public sealed class ControlNginxFixture : IAsyncLifetime
{
    public const string AdminAddress = "127.0.0.2";
    public const string AcmeToken = "test-token-4f1c";
    private const int StartAttempts = 3;

    private NginxPrefix? prefix;
    private NginxServer? server;
    private LoopbackBackend? backend;

    public int HttpPort { get; private set; }

    public int HttpsPort { get; private set; }

    public LoopbackBackend Backend => backend ?? throw new InvalidOperationException("Not started.");

    public NginxPrefix Prefix => prefix ?? throw new InvalidOperationException("Not started.");

    public Uri Https(string pathAndQuery) => new($"https://{ControlNginxSite.Domain}:{HttpsPort}{pathAndQuery}");

    public Uri Http(string pathAndQuery) => new($"http://{ControlNginxSite.Domain}:{HttpPort}{pathAndQuery}");

    public async Task InitializeAsync()
    {
        backend = await LoopbackBackend.StartEchoAsync();
        for (var attempt = 1; ; attempt++)
        {
            HttpPort = FreePort.Next();
            HttpsPort = FreePort.Next();
            prefix = await ControlNginxSite.BuildAsync($"127.0.0.1:{backend.Port}", AdminAddress, HttpPort, HttpsPort);
            await File.WriteAllTextAsync(prefix.PathFor("/var/www/certbot/.well-known/acme-challenge/" + AcmeToken), "challenge-answer");
            try
            {
                server = await NginxServer.StartAsync(prefix, HttpPort, HttpsPort);
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Most likely another process took a free port between FreePort.Next() and nginx's bind.
                prefix.Dispose();
            }
        }
    }

    public async Task DisposeAsync()
    {
        server?.Dispose();
        prefix?.Dispose();
        if (backend is not null)
        {
            await backend.DisposeAsync();
        }
    }
}
