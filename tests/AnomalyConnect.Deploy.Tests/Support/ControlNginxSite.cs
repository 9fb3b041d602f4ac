using System.Text.RegularExpressions;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>
/// The control server's nginx laid out as deploy/control/nginx/Dockerfile lays it out, in an <see cref="NginxPrefix"/>:
/// nginx.conf, snippets/, the site template rendered as the image's envsubst step renders it, and the start-up script
/// run for real (allowlist from ADMIN_ALLOWLIST, the self-signed placeholder certificate).
/// </summary>
public static class ControlNginxSite
{
    public const string Domain = "vpn.example.test";
    public const string Directory = "deploy/control/nginx";
    public const string BootstrapScript = Directory + "/entrypoint.d/40-anomaly-bootstrap.sh";

    /// <summary>The variables the site template may use: the image's NGINX_ENVSUBST_FILTER names exactly these.</summary>
    public static readonly IReadOnlyList<string> TemplateVariables = ["DOMAIN", "API_UPSTREAM"];

    public static async Task<NginxPrefix> BuildAsync(string apiUpstream, string adminAllowlist, int? httpPort = null, int? httpsPort = null)
    {
        var prefix = new NginxPrefix();
        try
        {
            prefix.WriteConfig(NginxPrefix.MainConfig, RepositoryFiles.Read(Directory + "/nginx.conf"));
            foreach (var snippet in System.IO.Directory.GetFiles(RepositoryFiles.PathOf(Directory + "/snippets")))
            {
                prefix.WriteConfig("/etc/nginx/snippets/" + Path.GetFileName(snippet), File.ReadAllText(snippet));
            }
            var site = RenderSite(apiUpstream);
            site = httpPort is { } http ? ReplaceListen(site, "80", http) : site;
            site = httpsPort is { } https ? ReplaceListen(site, "443", https) : site;
            prefix.WriteConfig("/etc/nginx/conf.d/anomaly.conf", site);
            CopyMimeTypes(prefix);
            prefix.PathFor("/var/www/certbot/.well-known/acme-challenge/x");
            var bootstrap = await RunBootstrapAsync(prefix, adminAllowlist);
            if (bootstrap.ExitCode != 0)
            {
                throw new InvalidOperationException($"{BootstrapScript} failed: {bootstrap.Describe()}");
            }
            return prefix;
        }
        catch
        {
            prefix.Dispose();
            throw;
        }
    }

    public static string RenderSite(string apiUpstream) =>
        Envsubst.Render(
            RepositoryFiles.Read(Directory + "/templates/anomaly.conf.template"),
            new Dictionary<string, string> { ["DOMAIN"] = Domain, ["API_UPSTREAM"] = apiUpstream });

    public static Task<ProcessResult> RunBootstrapAsync(NginxPrefix prefix, string adminAllowlist) =>
        ProcessRunner.ShAsync(BootstrapScript, [], new Dictionary<string, string>
        {
            ["DOMAIN"] = Domain,
            ["ADMIN_ALLOWLIST"] = adminAllowlist,
            ["LETSENCRYPT_DIR"] = prefix.PathFor("/etc/letsencrypt"),
            ["ADMIN_ALLOWLIST_FILE"] = prefix.PathFor("/etc/nginx/anomaly/admin-allowlist.conf"),
        });

    private static string ReplaceListen(string site, string port, int loopbackPort)
    {
        var pattern = new Regex(@"(?m)^(\s*listen\s+)" + port + @"(\s|;)");
        return pattern.IsMatch(site)
            ? pattern.Replace(site, m => m.Groups[1].Value + "127.0.0.1:" + loopbackPort + m.Groups[2].Value)
            : throw new InvalidOperationException($"The site template has no 'listen {port}' to move to a test port.");
    }

    private static void CopyMimeTypes(NginxPrefix prefix)
    {
        const string debianMimeTypes = "/etc/nginx/mime.types";
        if (File.Exists(debianMimeTypes))
        {
            prefix.CopyFile(debianMimeTypes, "/etc/nginx/mime.types");
        }
        else
        {
            File.WriteAllText(prefix.PathFor("/etc/nginx/mime.types"), "types { text/html html; application/json json; }\n");
        }
    }
}
