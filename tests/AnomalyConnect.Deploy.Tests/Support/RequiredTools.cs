namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>
/// The Debian tools these tests drive. A missing tool fails the test with the command that installs it (deploy/dev/test.sh
/// installs them), never a silent skip.
/// </summary>
public static class RequiredTools
{
    public static string Nginx => Find("/usr/sbin/nginx", "nginx");

    public static string Openssl => Find("/usr/bin/openssl", "openssl");

    public static string Envsubst => Find("/usr/bin/envsubst", "gettext-base");

    private static string Find(string path, string package) =>
        File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: install it with 'apt-get install -y {package}' (deploy/dev/test.sh does).");
}
