using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

public sealed class ShellScriptsTests
{
    public static TheoryData<string> Scripts() => new(ScriptPaths());

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_WhenParsedByItsInterpreter_HasNoSyntaxErrors(string script)
    {
        var interpreter = InterpreterOf(script);

        var result = await ProcessRunner.RunAsync(interpreter, ["-n", RepositoryFiles.PathOf(script)]);

        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_WhenCheckedOut_IsExecutable(string script)
    {
        Assert.True(File.GetUnixFileMode(RepositoryFiles.PathOf(script)).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable (chmod +x).");
    }

    [Fact]
    public void Scripts_WhenListed_IncludeEveryDeploymentScript()
    {
        var scripts = ScriptPaths().ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "deploy/control/entrypoint.sh", "deploy/control/healthcheck.sh", "deploy/control/certbot/certbot.sh",
                "deploy/control/nginx/entrypoint.d/40-anomaly-bootstrap.sh",
                "deploy/control/nginx/entrypoint.d/50-anomaly-reload-on-new-certificate.sh",
                "deploy/node/pki.sh", "deploy/node/firewall.sh", "deploy/node/render.sh",
            },
            scripts);
    }

    private static List<string> ScriptPaths() =>
        new[] { "deploy/control", "deploy/node" }
            .SelectMany(root => Directory.EnumerateFiles(RepositoryFiles.PathOf(root), "*.sh", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>bash for scripts that ask for it; POSIX sh (dash here, busybox in the alpine images) for the rest.</summary>
    private static string InterpreterOf(string script)
    {
        var shebang = File.ReadLines(RepositoryFiles.PathOf(script)).First();
        return shebang.Contains("bash", StringComparison.Ordinal) ? "bash" : "sh";
    }
}
