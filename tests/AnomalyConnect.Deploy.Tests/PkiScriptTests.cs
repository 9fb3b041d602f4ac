using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

public sealed class PkiScriptTests
{
    [Fact]
    public async Task Pki_WhenRunForANode_MakesACaAServerAndAClientCertificateThatOpensslVerifies()
    {
        using var pki = await Pki.CreateForNodeAsync("node-eu-1", "203.0.113.10", "node1.example.test");
        var node = Path.Combine(pki.NodeDirectory("node-eu-1"), "node.crt");

        var server = await Verify(pki.CaCertificate, "sslserver", node);
        var client = await Verify(pki.CaCertificate, "sslclient", pki.ClientCertificate);
        var san = await ProcessRunner.RunAsync(RequiredTools.Openssl, ["x509", "-in", node, "-noout", "-ext", "subjectAltName"]);

        Assert.True(server.ExitCode == 0, server.Describe());
        Assert.True(client.ExitCode == 0, client.Describe());
        Assert.Contains("IP Address:203.0.113.10", san.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("DNS:node1.example.test", san.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(pki.CaCertificate), File.ReadAllText(Path.Combine(pki.NodeDirectory("node-eu-1"), "ca.crt")));
        Assert.Equal(File.ReadAllText(pki.CaCertificate), File.ReadAllText(Path.Combine(pki.Root, "control", "ca.crt")));
    }

    [Fact]
    public async Task Pki_WhenANodeCertificateIsUsedAsAClient_OpensslRejectsItsPurpose()
    {
        using var pki = await Pki.CreateForNodeAsync("node-eu-1", "203.0.113.10");

        var result = await Verify(pki.CaCertificate, "sslclient", Path.Combine(pki.NodeDirectory("node-eu-1"), "node.crt"));

        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task Pki_WhenRunAgain_KeepsEveryExistingKeyAndCertificate()
    {
        using var pki = await Pki.CreateForNodeAsync("node-eu-1", "203.0.113.10");
        var files = Directory.GetFiles(pki.Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".srl", StringComparison.Ordinal)).Order().ToList();
        var before = files.ToDictionary(f => f, File.ReadAllText);

        var again = await pki.RunAsync(["node", "node-eu-1", "203.0.113.10"]);
        var second = await pki.RunAsync(["node", "node-us-1", "198.51.100.20"]);

        Assert.True(again.ExitCode == 0, again.Describe());
        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.All(files, f => Assert.Equal(before[f], File.ReadAllText(f)));
        Assert.True((await Verify(pki.CaCertificate, "sslserver", Path.Combine(pki.NodeDirectory("node-us-1"), "node.crt"))).ExitCode == 0);
    }

    [Fact]
    public async Task Pki_WhenRun_KeepsPrivateKeysPrivate()
    {
        using var pki = await Pki.CreateForNodeAsync("node-eu-1", "203.0.113.10");

        foreach (var key in new[] { Path.Combine(pki.Root, "ca", "ca.key"), pki.ClientKey, Path.Combine(pki.NodeDirectory("node-eu-1"), "node.key") })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public async Task Pki_WhenRunWithoutACommand_PrintsItsUsageAndFails()
    {
        using var pki = new Pki();

        var result = await pki.RunAsync([]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: pki.sh", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("node <node-id> <address>", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node-eu-1", "not an address!")]
    [InlineData("bad/id", "203.0.113.10")]
    public async Task Pki_WhenGivenABadNodeIdOrAddress_FailsWithoutIssuing(string nodeId, string address)
    {
        using var pki = new Pki();

        var result = await pki.RunAsync(["node", nodeId, address]);

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(pki.Root, "nodes", nodeId)) && File.Exists(Path.Combine(pki.Root, "nodes", nodeId, "node.crt")));
    }

    private static Task<ProcessResult> Verify(string ca, string purpose, string certificate) =>
        ProcessRunner.RunAsync(RequiredTools.Openssl, ["verify", "-CAfile", ca, "-purpose", purpose, certificate]);
}
