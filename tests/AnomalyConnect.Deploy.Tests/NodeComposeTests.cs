using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

public sealed class NodeComposeTests
{
    private const string ComposePath = "deploy/node/docker-compose.yml";

    private readonly ComposeFile compose = ComposeFile.Load(ComposePath);

    [Fact]
    public void NodeCompose_WhenParsed_RunsXrayHysteriaAndNginxOnTheHostNetwork()
    {
        Assert.Equal(new[] { "hysteria", "nginx", "xray" }, compose.Services.Keys.Cast<string>().Order());
        foreach (var name in new[] { "xray", "hysteria", "nginx" })
        {
            Assert.Equal("host", ComposeFile.Scalar(compose.Service(name), "network_mode"));
            Assert.Equal("unless-stopped", ComposeFile.Scalar(compose.Service(name), "restart"));
        }
    }

    [Fact]
    public void NodeCompose_WhenParsed_MountsTheRenderedConfigsAndThePki()
    {
        Assert.Contains("./generated/xray/config.json:/etc/xray/config.json:ro", ComposeFile.List(compose.Service("xray"), "volumes").Cast<string>());
        Assert.Equal(["run", "-config", "/etc/xray/config.json"], ComposeFile.List(compose.Service("xray"), "command").Cast<string>());
        Assert.Contains("./generated/hysteria:/etc/hysteria:ro", ComposeFile.List(compose.Service("hysteria"), "volumes").Cast<string>());
        Assert.Equal(["server", "-c", "/etc/hysteria/config.yaml"], ComposeFile.List(compose.Service("hysteria"), "command").Cast<string>());
        var nginx = ComposeFile.List(compose.Service("nginx"), "volumes").Cast<string>().ToList();
        Assert.Contains("./generated/nginx/nginx.conf:/etc/nginx/nginx.conf:ro", nginx);
        Assert.Contains("./pki:/etc/nginx/pki:ro", nginx);
    }

    [Fact]
    public void Variables_WhenNodeComposeInterpolatesThem_AreAllInTheNodeEnvExample()
    {
        var example = EnvExampleFile.Load("deploy/node/.env.example");

        foreach (var variable in compose.Variables())
        {
            Assert.True(example.Variables.ContainsKey(variable.Name), $"${{{variable.Name}}} of {ComposePath} is not in deploy/node/.env.example.");
        }
    }

    [Fact]
    public void NodeEnvExample_WhenRead_ExplainsEveryVariableWithAComment()
    {
        var unexplained = EnvExampleFile.Load("deploy/node/.env.example").Variables.Values.Where(v => !v.HasComment).Select(v => v.Name).ToList();

        Assert.True(unexplained.Count == 0, $"No comment above {string.Join(", ", unexplained)} in deploy/node/.env.example.");
    }

    [Fact]
    public void NodeGitignore_WhenRead_KeepsSecretsAndRenderedConfigsOut()
    {
        var ignored = RepositoryFiles.Read("deploy/node/.gitignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { ".env", "generated/", "pki/" }, ignored);
        Assert.Contains("pki/", RepositoryFiles.Read("deploy/control/.gitignore").Split('\n').Select(l => l.Trim()));
    }
}
