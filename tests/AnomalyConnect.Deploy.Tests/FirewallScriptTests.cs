using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

public sealed class FirewallScriptTests
{
    private const string Script = "deploy/node/firewall.sh";

    [Fact]
    public async Task Firewall_WhenDryRun_PrintsTheNodeRulesWithManagementOnlyFromTheControlServer()
    {
        var result = await ProcessRunner.BashAsync(Script, ["--dry-run", "198.51.100.20"]);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal(
            [
                "ufw allow 22/tcp comment ssh",
                "ufw allow 80/tcp comment \"xray http fallback\"",
                "ufw allow 443/tcp comment \"xray vless reality\"",
                "ufw allow 443/udp comment hysteria2",
                "ufw allow proto tcp from 198.51.100.20 to any port 8443 comment \"anomaly management (mTLS)\"",
                "ufw default deny incoming",
                "ufw default allow outgoing",
                "ufw --force enable",
            ],
            Lines(result.StandardOutput));
    }

    [Fact]
    public async Task Firewall_WhenPortsAreGiven_OpensThoseInstead()
    {
        var result = await ProcessRunner.BashAsync(Script, ["--dry-run", "--ssh-port", "2222", "--hy2-port", "8443", "--mgmt-port", "9443", "2001:db8::20"]);

        Assert.True(result.ExitCode == 0, result.Describe());
        var lines = Lines(result.StandardOutput);
        Assert.Contains("ufw allow 2222/tcp comment ssh", lines);
        Assert.Contains("ufw allow 8443/udp comment hysteria2", lines);
        Assert.Contains("ufw allow proto tcp from 2001:db8::20 to any port 9443 comment \"anomaly management (mTLS)\"", lines);
        Assert.DoesNotContain("ufw allow 22/tcp comment ssh", lines);
    }

    [Fact]
    public async Task Firewall_WhenDryRun_AllowsSshBeforeDenyingEverything()
    {
        var lines = Lines((await ProcessRunner.BashAsync(Script, ["--dry-run", "198.51.100.20"])).StandardOutput);

        Assert.True(lines.FindIndex(l => l.StartsWith("ufw allow 22/tcp", StringComparison.Ordinal)) < lines.IndexOf("ufw default deny incoming"));
        Assert.Equal("ufw --force enable", lines[^1]);
    }

    [Theory]
    [InlineData("300.1.1.1")]
    [InlineData("control.example.test")]
    [InlineData("")]
    public async Task Firewall_WhenTheControlAddressIsMissingOrInvalid_FailsWithUsage(string address)
    {
        var result = await ProcessRunner.BashAsync(Script, address.Length == 0 ? ["--dry-run"] : ["--dry-run", address]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: firewall.sh", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
