using AnomalyConnect.Deploy.Tests.Support;

namespace AnomalyConnect.Deploy.Tests;

public sealed class ControlComposeTests
{
    private const string ComposePath = "docker-compose.yml";
    private static readonly string[] AppServices = ["silo", "api", "bot"];

    private readonly ComposeFile compose = ComposeFile.Load(ComposePath);

    [Fact]
    public void Services_WhenComposeIsParsed_IncludeTheWholeControlStack()
    {
        var names = compose.Services.Keys.Cast<string>().ToHashSet();

        Assert.Superset(new HashSet<string> { "postgres", "silo", "api", "bot", "nginx", "certbot" }, names);
    }

    [Fact]
    public void Postgres_WhenDeclared_IsVersion15OnANamedVolumeWithAPgIsReadyHealthCheck()
    {
        var postgres = compose.Service("postgres");

        Assert.Equal("postgres:15", ComposeFile.Scalar(postgres, "image"));
        var mount = Assert.Single(ComposeFile.List(postgres, "volumes").Cast<string>(), v => v.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
        Assert.Contains(mount.Split(':')[0], ComposeFile.Map(compose.Root, "volumes").Keys.Cast<string>());
        var test = string.Join(' ', ComposeFile.List(ComposeFile.Map(postgres, "healthcheck"), "test").Cast<string>());
        Assert.Contains("pg_isready", test, StringComparison.Ordinal);
        Assert.False(postgres.ContainsKey("ports"), "PostgreSQL must not be published on the host.");
    }

    [Fact]
    public void AppServices_WhenDeclared_RunTheControlImageWithTheirOwnRole()
    {
        foreach (var name in AppServices)
        {
            var service = compose.Service(name);
            var build = ComposeFile.Map(service, "build");
            Assert.Equal("deploy/control/Dockerfile", ComposeFile.Scalar(build, "dockerfile"));
            Assert.Equal(".", ComposeFile.Scalar(build, "context"));
            Assert.Equal(name, ComposeFile.Scalar(ComposeFile.Map(service, "environment"), "ANOMALY_ROLES"));
            Assert.Equal(".env", ComposeFile.Scalar(service, "env_file"));
            var dependsOn = ComposeFile.Map(ComposeFile.Map(service, "depends_on"), "postgres");
            Assert.Equal("service_healthy", ComposeFile.Scalar(dependsOn, "condition"));
        }
    }

    [Fact]
    public void AppServices_WhenDeclared_ReachPostgresAndLeaveSiloNameToTheEntrypoint()
    {
        foreach (var name in AppServices)
        {
            var environment = ComposeFile.Map(compose.Service(name), "environment");
            Assert.Equal("postgres", ComposeFile.Scalar(environment, "DB_HOST"));
            // Empty, so deploy/control/entrypoint.sh names each replica after its container's hostname.
            Assert.Equal(string.Empty, ComposeFile.Scalar(environment, "SILO_NAME"));
        }
    }

    [Fact]
    public void Silo_WhenDeclared_CanBeScaledWithoutNameOrPortClashes()
    {
        var silo = compose.Service("silo");

        Assert.False(silo.ContainsKey("container_name"), "A fixed container_name stops --scale silo=N.");
        Assert.False(silo.ContainsKey("ports"), "A host port stops --scale silo=N; nginx reaches the front end, not the silos.");
        Assert.True(ComposeFile.Map(silo, "deploy").ContainsKey("replicas"));
        Assert.All(compose.Services.Values.Cast<Dictionary<object, object?>>(), service => Assert.False(service.ContainsKey("container_name")));
    }

    [Fact]
    public void Api_WhenDeclared_IsReachedOnlyThroughNginx()
    {
        Assert.False(compose.Service("api").ContainsKey("ports"));
        Assert.Equal("api:8080", ComposeFile.Scalar(ComposeFile.Map(compose.Service("nginx"), "environment"), "API_UPSTREAM"));
    }

    [Fact]
    public void Bot_WhenDeclared_StartsOnlyUnderTheBotProfile()
    {
        var profiles = ComposeFile.List(compose.Service("bot"), "profiles").Cast<string>();

        Assert.Equal(["bot"], profiles);
        Assert.All(new[] { "silo", "api", "postgres", "nginx", "certbot" }, name => Assert.False(compose.Service(name).ContainsKey("profiles")));
    }

    [Fact]
    public void Nginx_WhenDeclared_PublishesHttpAndHttpsAndSharesTheCertificatesWithCertbot()
    {
        var nginx = compose.Service("nginx");
        var certbot = compose.Service("certbot");

        Assert.Equal(["80:80", "443:443"], ComposeFile.List(nginx, "ports").Cast<string>());
        Assert.Equal("deploy/control/nginx", ComposeFile.Scalar(ComposeFile.Map(nginx, "build"), "context"));
        var nginxVolumes = ComposeFile.List(nginx, "volumes").Cast<string>().ToList();
        var certbotVolumes = ComposeFile.List(certbot, "volumes").Cast<string>().ToList();
        foreach (var shared in new[] { "letsencrypt:/etc/letsencrypt", "certbot-webroot:/var/www/certbot" })
        {
            Assert.Contains(shared, nginxVolumes);
            Assert.Contains(shared, certbotVolumes);
            Assert.Contains(shared.Split(':')[0], ComposeFile.Map(compose.Root, "volumes").Keys.Cast<string>());
        }
        Assert.True(nginx.ContainsKey("healthcheck"));
    }

    [Fact]
    public void Certbot_WhenDeclared_RunsTheRenewalLoopScript()
    {
        var certbot = compose.Service("certbot");

        Assert.StartsWith("certbot/certbot:", ComposeFile.Scalar(certbot, "image"), StringComparison.Ordinal);
        Assert.Equal(["/bin/sh", "/opt/anomaly/certbot.sh"], ComposeFile.List(certbot, "entrypoint").Cast<string>());
        Assert.Equal(["loop"], ComposeFile.List(certbot, "command").Cast<string>());
        Assert.Contains("./deploy/control/certbot:/opt/anomaly:ro", ComposeFile.List(certbot, "volumes").Cast<string>());
        Assert.True(File.Exists(RepositoryFiles.PathOf("deploy/control/certbot/certbot.sh")));
    }

    [Fact]
    public void Variables_WhenComposeInterpolatesThem_AreAllInEnvExample()
    {
        var example = EnvExampleFile.Load(".env.example");

        foreach (var variable in compose.Variables())
        {
            Assert.True(example.Variables.TryGetValue(variable.Name, out var documented), $"${{{variable.Name}}} of {ComposePath} is not in .env.example.");
            Assert.True(documented.IsSet || variable.HasFallback, $"{variable.Name} is commented out in .env.example but {ComposePath} has no default for it.");
        }
    }
}
