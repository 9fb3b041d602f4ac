using System.Net;
using AnomalyConnect.Api.Admin;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Admin.Tests.Unit;

public sealed class AdminOptionsTests
{
    [Fact]
    public void Read_WhenNothingIsSet_AllowsEveryoneAndKeepsSessionsTwelveHours()
    {
        var options = AdminOptions.Read(Configuration());

        Assert.Empty(options.Allowlist);
        Assert.False(options.MetricsNeedBasicAuth);
        Assert.Equal(TimeSpan.FromHours(12), options.SessionLifetime);
    }

    [Fact]
    public void Read_WhenTheAllowlistHasAddressesAndRanges_ParsesEachAndIgnoresHostBits()
    {
        var options = AdminOptions.Read(Configuration(("ADMIN_ALLOWLIST", "198.51.100.7, 10.1.2.3/24;2001:db8::/32")));

        Assert.Equal(["198.51.100.7/32", "10.1.2.0/24", "2001:db8::/32"], options.Allowlist.Select(n => n.ToString()));
        Assert.True(options.Allowlist[1].Contains(IPAddress.Parse("10.1.2.200")));
        Assert.False(options.Allowlist[1].Contains(IPAddress.Parse("10.1.3.1")));
    }

    [Fact]
    public void Read_WhenValuesAreBad_ThrowsWithASentenceForEach()
    {
        var problem = Assert.Throws<ConfigurationProblemException>(() => AdminOptions.Read(Configuration(
            ("ADMIN_ALLOWLIST", "10.0.0.0/8,office"), ("METRICS_USERNAME", "prometheus"), ("ADMIN_SESSION_HOURS", "forever"))));

        Assert.Equal(3, problem.Problems.Count);
        Assert.Contains(problem.Problems, p => p.StartsWith("ADMIN_ALLOWLIST must be IP addresses or CIDR ranges", StringComparison.Ordinal) && p.Contains("'office'", StringComparison.Ordinal));
        Assert.Contains(problem.Problems, p => p.StartsWith("METRICS_USERNAME and METRICS_PASSWORD go together", StringComparison.Ordinal));
        Assert.Contains(problem.Problems, p => p.StartsWith("ADMIN_SESSION_HOURS must be a number of hours", StringComparison.Ordinal));
        Assert.All(problem.Problems, p => Assert.EndsWith(".", p));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("721")]
    [InlineData("NaN")]
    public void Read_WhenSessionHoursAreOutOfRange_Refuses(string hours) =>
        Assert.Throws<ConfigurationProblemException>(() => AdminOptions.Read(Configuration(("ADMIN_SESSION_HOURS", hours))));

    [Fact]
    public void Read_WhenMetricsCredentialsAreBothSet_AsksForBasicAuth()
    {
        var options = AdminOptions.Read(Configuration(("METRICS_USERNAME", "prom"), ("METRICS_PASSWORD", "secret"), ("ADMIN_SESSION_HOURS", "0.5")));

        Assert.True(options.MetricsNeedBasicAuth);
        Assert.Equal(TimeSpan.FromMinutes(30), options.SessionLifetime);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
