using System.Text.RegularExpressions;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>
/// A throwaway root for Debian's real nginx: configs written here have every absolute /etc, /var and /run path moved under
/// the root, so a production config (as the image lays it out) runs unchanged otherwise. The <c>user</c> directive is
/// dropped: the image's user does not exist here.
/// </summary>
public sealed partial class NginxPrefix : IDisposable
{
    public const string MainConfig = "/etc/nginx/nginx.conf";

    private readonly TempDirectory directory = new("anomaly-nginx-");

    public NginxPrefix()
    {
        foreach (var path in new[] { "/var/log/nginx", "/var/cache/nginx", "/var/run", "/etc/nginx" })
        {
            directory.CreateDirectory(path.TrimStart('/'));
        }
    }

    public string Root => directory.Path;

    public string ErrorLog => PathFor("/var/log/nginx/error.log");

    /// <summary>Where an absolute path of the config lives under this root.</summary>
    public string PathFor(string absolutePath) => directory.Combine(absolutePath.TrimStart('/'));

    public string Relocate(string config) =>
        UserDirective().Replace(AbsolutePath().Replace(config, m => m.Groups[1].Value + Root + "/" + m.Groups[2].Value + "/"), string.Empty);

    /// <summary>Writes a config file at its production path, relocated.</summary>
    public string WriteConfig(string absolutePath, string text)
    {
        var path = PathFor(absolutePath);
        File.WriteAllText(path, Relocate(text));
        return path;
    }

    public void CopyFile(string source, string absolutePath) => File.Copy(source, PathFor(absolutePath), overwrite: true);

    /// <summary><c>nginx -t</c> of the main config.</summary>
    public Task<ProcessResult> TestAsync() =>
        ProcessRunner.RunAsync(RequiredTools.Nginx, ["-t", "-p", Root + "/", "-c", PathFor(MainConfig), "-e", PathFor("/var/log/nginx/startup.log")]);

    public void Dispose() => directory.Dispose();

    [GeneratedRegex(@"([\s""'])/(etc|var|run)/")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"(?m)^\s*user\s+[^;]+;\s*$")]
    private static partial Regex UserDirective();
}
