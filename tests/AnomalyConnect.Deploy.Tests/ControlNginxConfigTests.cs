using System.Text.RegularExpressions;
using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

public sealed partial class ControlNginxConfigTests
{
    private const string Dockerfile = ControlNginxSite.Directory + "/Dockerfile";

    [Fact]
    public async Task ControlNginx_WhenRenderedAsTheImageDoes_PassesNginxTest()
    {
        using var prefix = await ControlNginxSite.BuildAsync("127.0.0.1:8080", "198.51.100.7, 2001:db8::/32");

        var result = await prefix.TestAsync();

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("test is successful", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlNginx_WhenTheAllowlistIsEmpty_StillPassesNginxTest()
    {
        using var prefix = await ControlNginxSite.BuildAsync("127.0.0.1:8080", string.Empty);

        var result = await prefix.TestAsync();

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("deny all;", File.ReadAllLines(prefix.PathFor("/etc/nginx/anomaly/admin-allowlist.conf")).Last());
    }

    [Fact]
    public void SiteTemplate_WhenRead_UsesOnlyTheVariablesTheImageSubstitutes()
    {
        var template = RepositoryFiles.Read(ControlNginxSite.Directory + "/templates/anomaly.conf.template");
        var used = Placeholder().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet();
        var filter = FilterLine().Match(RepositoryFiles.Read(Dockerfile));

        Assert.True(filter.Success, "The nginx Dockerfile sets no NGINX_ENVSUBST_FILTER.");
        Assert.Equal(ControlNginxSite.TemplateVariables.Order(), filter.Groups["names"].Value.Split('|').Order());
        Assert.Subset(ControlNginxSite.TemplateVariables.ToHashSet(), used);
        Assert.DoesNotContain("${", ControlNginxSite.RenderSite("api:8080"), StringComparison.Ordinal);
    }

    [Fact]
    public void SiteTemplate_WhenRendered_ServesTheCertificateOfTheDomain()
    {
        var site = ControlNginxSite.RenderSite("api:8080");

        Assert.Contains($"ssl_certificate /etc/letsencrypt/live/{ControlNginxSite.Domain}/fullchain.pem;", site, StringComparison.Ordinal);
        Assert.Contains($"ssl_certificate_key /etc/letsencrypt/live/{ControlNginxSite.Domain}/privkey.pem;", site, StringComparison.Ordinal);
        Assert.Contains("server api:8080", site, StringComparison.Ordinal);
    }

    [Fact]
    public void TlsSnippet_WhenRead_AllowsOnlyTls12And13WithForwardSecretCiphers()
    {
        var tls = RepositoryFiles.Read(ControlNginxSite.Directory + "/snippets/tls.conf");

        Assert.Contains("ssl_protocols TLSv1.2 TLSv1.3;", tls, StringComparison.Ordinal);
        var ciphers = Regex.Match(tls, @"ssl_ciphers ([^;]+);").Groups[1].Value.Split(':');
        Assert.NotEmpty(ciphers);
        Assert.All(ciphers, c => Assert.StartsWith("ECDHE-", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_WhenRead_LaysOutTheFilesAsTheTestsDo()
    {
        var dockerfile = RepositoryFiles.Read(Dockerfile);

        Assert.Contains("COPY nginx.conf /etc/nginx/nginx.conf", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY snippets/ /etc/nginx/snippets/", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY templates/ /etc/nginx/templates/", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --chmod=0755 entrypoint.d/ /docker-entrypoint.d/", dockerfile, StringComparison.Ordinal);
        Assert.Contains("apk add --no-cache openssl", dockerfile, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"NGINX_ENVSUBST_FILTER=""\^\((?<names>[A-Z_|]+)\)\$""")]
    private static partial Regex FilterLine();
}
