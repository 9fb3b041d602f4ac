using System.Security.Cryptography.X509Certificates;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>A PKI made by deploy/node/pki.sh in a temp directory.</summary>
public sealed class Pki : IDisposable
{
    public const string Script = "deploy/node/pki.sh";

    private readonly TempDirectory directory = new("anomaly-pki-");

    public string Root => directory.Path;

    public string CaCertificate => Path.Combine(Root, "ca", "ca.crt");

    public string ClientCertificate => Path.Combine(Root, "control", "client.crt");

    public string ClientKey => Path.Combine(Root, "control", "client.key");

    public string NodeDirectory(string nodeId) => Path.Combine(Root, "nodes", nodeId);

    public static async Task<Pki> CreateForNodeAsync(string nodeId, params string[] addresses)
    {
        var pki = new Pki();
        var result = await pki.RunAsync(["node", nodeId, .. addresses]);
        if (result.ExitCode != 0)
        {
            pki.Dispose();
            throw new Xunit.Sdk.XunitException($"{Script} failed: {result.Describe()}");
        }
        return pki;
    }

    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments) =>
        ProcessRunner.BashAsync(Script, new[] { "--dir", Root }.Concat(arguments));

    public X509Certificate2 LoadClientCertificate() => X509Certificate2.CreateFromPemFile(ClientCertificate, ClientKey);

    public X509Certificate2 LoadNodeCertificateAsClient(string nodeId) =>
        X509Certificate2.CreateFromPemFile(Path.Combine(NodeDirectory(nodeId), "node.crt"), Path.Combine(NodeDirectory(nodeId), "node.key"));

    public X509Certificate2 LoadCaCertificate() => X509Certificate2.CreateFromPem(File.ReadAllText(CaCertificate));

    public void Dispose() => directory.Dispose();
}
