using AnomalyConnect.Api.Apis.Corporate;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Corporate.Tests.Unit;

public sealed class CorporateOptionsTests
{
    [Fact]
    public void Read_WhenNothingIsSet_EnforcesNothingAndGrantsWithoutExpiry()
    {
        var options = CorporateOptions.Read(Configuration());

        Assert.False(options.RegistryEnforced);
        Assert.False(options.ConfigRequiresApproval);
        Assert.Null(options.DefaultDays);
    }

    [Fact]
    public void Read_WhenSet_TakesTheValues()
    {
        var options = CorporateOptions.Read(Configuration(
            ("CORPORATE_REGISTRY_ENFORCED", "true"), ("CORPORATE_CONFIG_REQUIRES_APPROVAL", "1"), ("CORPORATE_DEFAULT_DAYS", "90")));

        Assert.True(options.RegistryEnforced);
        Assert.True(options.ConfigRequiresApproval);
        Assert.Equal(90, options.DefaultDays);
    }

    [Fact]
    public void Read_WhenValuesAreBad_ThrowsWithOneSentencePerVariable()
    {
        var exception = Assert.Throws<ConfigurationProblemException>(() => CorporateOptions.Read(Configuration(
            ("CORPORATE_REGISTRY_ENFORCED", "maybe"), ("CORPORATE_CONFIG_REQUIRES_APPROVAL", "yes please"), ("CORPORATE_DEFAULT_DAYS", "-3"))));

        Assert.Equal(3, exception.Problems.Count);
        Assert.Contains(exception.Problems, p => p.StartsWith("CORPORATE_REGISTRY_ENFORCED must be true or false", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, p => p.StartsWith("CORPORATE_CONFIG_REQUIRES_APPROVAL must be true or false", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, p => p.StartsWith("CORPORATE_DEFAULT_DAYS must be a whole number of days", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("36501")]
    [InlineData("7.5")]
    [InlineData("seven")]
    public void Read_WhenDefaultDaysAreOutOfRange_Throws(string days)
    {
        Assert.Throws<ConfigurationProblemException>(() => CorporateOptions.Read(Configuration(("CORPORATE_DEFAULT_DAYS", days))));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
