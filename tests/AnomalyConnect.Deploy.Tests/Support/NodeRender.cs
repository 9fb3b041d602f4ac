namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>
/// Runs deploy/node/render.sh on an env file made from deploy/node/.env.example with some values replaced, in a temp
/// directory: <see cref="EnvFile"/> is the node's .env, <see cref="Output"/> its generated/ folder.
/// </summary>
public sealed class NodeRender : IDisposable
{
    public const string Script = "deploy/node/render.sh";

    private readonly TempDirectory directory = new("anomaly-node-");

    public NodeRender(IReadOnlyDictionary<string, string> values)
    {
        // The script needs these; a missing one fails here with the command that installs it.
        _ = RequiredTools.Openssl;
        _ = RequiredTools.Envsubst;
        var lines = RepositoryFiles.Read("deploy/node/.env.example").Split('\n').ToList();
        foreach (var (name, value) in values)
        {
            var index = lines.FindIndex(l => l.StartsWith(name + "=", StringComparison.Ordinal));
            if (index >= 0)
            {
                lines[index] = $"{name}={value}";
            }
            else
            {
                lines.Add($"{name}={value}");
            }
        }
        File.WriteAllText(EnvFile, string.Join('\n', lines));
    }

    public string EnvFile => Path.Combine(directory.Path, ".env");

    public string Output => Path.Combine(directory.Path, "generated");

    public string OutputFile(string relativePath) => Path.Combine(Output, relativePath);

    public Task<ProcessResult> RunAsync() => ProcessRunner.BashAsync(Script, ["--env", EnvFile, "--out", Output]);

    /// <summary>Runs the script and fails with its output unless it succeeds.</summary>
    public async Task RenderAsync()
    {
        var result = await RunAsync();
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{Script} failed: {result.Describe()}");
        }
    }

    public string? EnvValue(string name) =>
        File.ReadAllLines(EnvFile).Where(l => l.StartsWith(name + "=", StringComparison.Ordinal)).Select(l => l[(name.Length + 1)..]).LastOrDefault();

    public void Dispose() => directory.Dispose();
}
