using System.Text.RegularExpressions;
using System.Xml.Linq;
using AnomalyConnect.Deploy.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Deploy.Tests;

public sealed partial class ControlImageTests
{
    private const string DockerfilePath = "deploy/control/Dockerfile";
    private const string SiloProject = "silo/AnomalyConnect.Silo/AnomalyConnect.Silo.csproj";

    private readonly string dockerfile = RepositoryFiles.Read(DockerfilePath);

    [Fact]
    public void Dockerfile_WhenRead_BuildsWithTheSdkAndRunsOnTheAspNetRuntime()
    {
        var stages = FromLine().Matches(dockerfile).Select(m => m.Groups["image"].Value).ToList();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages);
        Assert.Contains("dotnet publish " + SiloProject, dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /app ./", dockerfile, StringComparison.Ordinal);
        Assert.Contains("exec dotnet /app/AnomalyConnect.Silo.dll", RepositoryFiles.Read("deploy/control/entrypoint.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_WhenRead_RunsTheRuntimeStageAsANonRootUser()
    {
        var runtime = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var user = UserLine().Matches(runtime).Select(m => m.Groups["user"].Value).LastOrDefault();

        Assert.NotNull(user);
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
    }

    [Fact]
    public void Dockerfile_WhenRead_ChecksHealthThroughHealthz()
    {
        Assert.Matches(@"(?m)^HEALTHCHECK .*CMD \[""/usr/local/bin/healthcheck.sh""\]", dockerfile);
        Assert.Contains("GET /healthz", RepositoryFiles.Read("deploy/control/healthcheck.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_WhenRead_CopiesEveryProjectTheSiloDependsOnBeforeRestoring()
    {
        var restore = dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal);
        Assert.True(restore > 0, "The Dockerfile has no restore step.");
        var beforeRestore = dockerfile[..restore];

        foreach (var project in ProjectClosure(SiloProject))
        {
            Assert.Contains($"COPY {project} {Path.GetDirectoryName(project)!.Replace('\\', '/')}/", beforeRestore, StringComparison.Ordinal);
        }
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(file, beforeRestore, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DockerIgnore_WhenRead_KeepsSecretsAndBuildOutputOutOfTheContext()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { ".git", "**/bin", "**/obj", ".env", ".data", "deploy/control/pki" }, ignored);
        Assert.DoesNotContain("deploy/control", ignored);
    }

    [Fact]
    public async Task Entrypoint_WhenSiloNameIsEmpty_NamesTheProcessAfterTheHostname()
    {
        var result = await RunEntrypointAsync(siloName: string.Empty, hostname: "3f2a9c1be4d7");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SILO_NAME=3f2a9c1be4d7", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ARGS=/app/AnomalyConnect.Silo.dll --extra", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entrypoint_WhenSiloNameIsSet_KeepsIt()
    {
        var result = await RunEntrypointAsync(siloName: "silo-by-hand", hostname: "3f2a9c1be4d7");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SILO_NAME=silo-by-hand", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthcheck_WhenHealthzAnswers200_Succeeds()
    {
        await using var backend = await LoopbackBackend.StartAsync(context =>
        {
            context.Response.StatusCode = context.Request.Path == "/healthz" ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        var result = await RunHealthcheckAsync($"http://+:{backend.Port}");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains(backend.Requests, r => r.Path == "/healthz");
    }

    [Fact]
    public async Task Healthcheck_WhenHealthzAnswers503_Fails()
    {
        await using var backend = await LoopbackBackend.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });

        var result = await RunHealthcheckAsync($"http://+:{backend.Port}");

        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task Healthcheck_WhenNothingListens_Fails()
    {
        var result = await RunHealthcheckAsync($"http://+:{AnomalyConnect.Testing.FreePort.Next()}");

        Assert.NotEqual(0, result.ExitCode);
    }

    private static Task<ProcessResult> RunHealthcheckAsync(string urls) =>
        ProcessRunner.BashAsync("deploy/control/healthcheck.sh", [], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = urls });

    /// <summary>Runs the image's entrypoint with a stand-in <c>dotnet</c> that prints what it was given.</summary>
    private static async Task<ProcessResult> RunEntrypointAsync(string siloName, string hostname)
    {
        using var bin = new TempDirectory("anomaly-fake-dotnet-");
        var fake = bin.Combine("dotnet");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho \"SILO_NAME=$SILO_NAME\"\necho \"ARGS=$*\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        return await ProcessRunner.ShAsync("deploy/control/entrypoint.sh", ["--extra"], new Dictionary<string, string>
        {
            ["PATH"] = bin.Path + ":/usr/bin:/bin",
            ["SILO_NAME"] = siloName,
            ["HOSTNAME"] = hostname,
        });
    }

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    private static SortedSet<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }
            var document = XDocument.Load(RepositoryFiles.PathOf(current));
            foreach (var reference in document.Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include")).OfType<string>())
            {
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryFiles.PathOf(current))!, reference.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, full).Replace('\\', '/'));
            }
        }
        return seen;
    }

    [GeneratedRegex(@"(?m)^FROM\s+(?:--\S+\s+)*(?<image>\S+)")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"(?m)^USER\s+(?<user>\S+)")]
    private static partial Regex UserLine();
}
