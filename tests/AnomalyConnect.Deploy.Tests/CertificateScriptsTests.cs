using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

/// <summary>
/// The nginx container's start-up script (allowlist, placeholder certificate) and the certbot container's script, run for
/// real with a stand-in certbot that writes what Let's Encrypt's client writes.
/// </summary>
public sealed class CertificateScriptsTests : IDisposable
{
    private const string CertbotScript = "deploy/control/certbot/certbot.sh";
    private const string Domain = ControlNginxSite.Domain;

    private readonly TempDirectory directory = new("anomaly-certs-");

    private string LetsEncrypt => directory.CreateDirectory("letsencrypt");

    private string Live => Path.Combine(LetsEncrypt, "live", Domain);

    [Fact]
    public async Task Bootstrap_WhenTheAllowlistNamesAddresses_AllowsThemThenDeniesEveryoneElse()
    {
        var result = await RunBootstrapAsync("198.51.100.7, 203.0.113.0/24;2001:db8::/32");

        Assert.True(result.ExitCode == 0, result.Describe());
        var rules = File.ReadAllLines(AllowlistFile).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(["allow 198.51.100.7;", "allow 203.0.113.0/24;", "allow 2001:db8::/32;", "deny all;"], rules);
    }

    [Theory]
    [InlineData("10.0.0.1; deny none")]
    [InlineData("all")]
    [InlineData("10.0.0.0/8/8")]
    public async Task Bootstrap_WhenTheAllowlistHasSomethingElse_FailsNamingIt(string allowlist)
    {
        var result = await RunBootstrapAsync(allowlist);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is not an IP address or a CIDR range", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(AllowlistFile));
    }

    [Fact]
    public async Task Bootstrap_WhenNoCertificateExists_CreatesAMarkedSelfSignedPlaceholder()
    {
        var result = await RunBootstrapAsync(string.Empty);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(File.Exists(Path.Combine(Live, "PLACEHOLDER")));
        var verify = await ProcessRunner.RunAsync(RequiredTools.Openssl, ["x509", "-in", Path.Combine(Live, "fullchain.pem"), "-noout", "-subject"]);
        Assert.Contains(Domain, verify.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Live, "privkey.pem")));
    }

    [Fact]
    public async Task Bootstrap_WhenARealCertificateExists_LeavesItAlone()
    {
        Directory.CreateDirectory(Live);
        await File.WriteAllTextAsync(Path.Combine(Live, "fullchain.pem"), "issued");
        await File.WriteAllTextAsync(Path.Combine(Live, "privkey.pem"), "issued-key");

        var result = await RunBootstrapAsync(string.Empty);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("issued", await File.ReadAllTextAsync(Path.Combine(Live, "fullchain.pem")));
        Assert.False(File.Exists(Path.Combine(Live, "PLACEHOLDER")));
    }

    [Fact]
    public async Task Bootstrap_WhenDomainIsMissing_FailsNamingIt()
    {
        var result = await ProcessRunner.ShAsync(ControlNginxSite.BootstrapScript, [], new Dictionary<string, string>
        {
            ["DOMAIN"] = string.Empty,
            ["LETSENCRYPT_DIR"] = LetsEncrypt,
            ["ADMIN_ALLOWLIST_FILE"] = AllowlistFile,
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("DOMAIN is not set", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certbot_WhenOnlyThePlaceholderExists_ReplacesItWithTheIssuedCertificate()
    {
        Assert.Equal(0, (await RunBootstrapAsync(string.Empty)).ExitCode);

        var result = await RunCertbotAsync(fakeCertbotSucceeds: true);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("issued-chain", await File.ReadAllTextAsync(Path.Combine(Live, "fullchain.pem")));
        Assert.False(File.Exists(Path.Combine(Live, "PLACEHOLDER")));
        var call = await File.ReadAllTextAsync(CertbotCalls);
        Assert.Contains($"certonly --webroot -w {Webroot} -d {Domain}", call, StringComparison.Ordinal);
        Assert.Contains("--email ops@example.test", call, StringComparison.Ordinal);
        Assert.Contains("--staging", call, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certbot_WhenIssuingFails_PutsThePlaceholderBack()
    {
        Assert.Equal(0, (await RunBootstrapAsync(string.Empty)).ExitCode);
        var placeholder = await File.ReadAllTextAsync(Path.Combine(Live, "fullchain.pem"));

        var result = await RunCertbotAsync(fakeCertbotSucceeds: false);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("could not get a certificate", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(placeholder, await File.ReadAllTextAsync(Path.Combine(Live, "fullchain.pem")));
        Assert.True(File.Exists(Path.Combine(Live, "PLACEHOLDER")));
    }

    [Fact]
    public async Task Certbot_WhenACertificateWasIssued_RenewsInsteadOfIssuing()
    {
        Directory.CreateDirectory(Live);
        await File.WriteAllTextAsync(Path.Combine(Live, "fullchain.pem"), "issued-chain");

        var result = await RunCertbotAsync(fakeCertbotSucceeds: true);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.StartsWith("renew --webroot", await File.ReadAllTextAsync(CertbotCalls), StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private string AllowlistFile => Path.Combine(directory.Path, "anomaly", "admin-allowlist.conf");

    private string Webroot => Path.Combine(directory.Path, "webroot");

    private string CertbotCalls => Path.Combine(directory.Path, "certbot-calls.txt");

    private Task<ProcessResult> RunBootstrapAsync(string allowlist) =>
        ProcessRunner.ShAsync(ControlNginxSite.BootstrapScript, [], new Dictionary<string, string>
        {
            ["DOMAIN"] = Domain,
            ["ADMIN_ALLOWLIST"] = allowlist,
            ["LETSENCRYPT_DIR"] = LetsEncrypt,
            ["ADMIN_ALLOWLIST_FILE"] = AllowlistFile,
        });

    /// <summary>Runs <c>certbot.sh once</c> with a stand-in certbot that records its arguments and writes a lineage (or fails).</summary>
    private async Task<ProcessResult> RunCertbotAsync(bool fakeCertbotSucceeds)
    {
        var fake = directory.Combine("bin/certbot");
        var body = fakeCertbotSucceeds
            ? $$"""
              #!/bin/sh
              echo "$*" >> "{{CertbotCalls}}"
              if [ "$1" = certonly ]; then
                [ -e "{{Live}}" ] && { echo "live directory exists for {{Domain}}" >&2; exit 1; }
                mkdir -p "{{Live}}" && printf issued-chain > "{{Live}}/fullchain.pem" && printf key > "{{Live}}/privkey.pem"
              fi
              """
            : $$"""
              #!/bin/sh
              echo "$*" >> "{{CertbotCalls}}"
              echo "Challenge failed" >&2
              exit 1
              """;
        await File.WriteAllTextAsync(fake, body.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return await ProcessRunner.ShAsync(CertbotScript, ["once"], new Dictionary<string, string>
        {
            ["DOMAIN"] = Domain,
            ["ACME_EMAIL"] = "ops@example.test",
            ["ACME_STAGING"] = "1",
            ["LETSENCRYPT_DIR"] = LetsEncrypt,
            ["CERTBOT_WEBROOT"] = Webroot,
            ["CERTBOT_BIN"] = fake,
        });
    }
}
