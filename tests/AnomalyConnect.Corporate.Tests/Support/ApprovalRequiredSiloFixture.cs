namespace AnomalyConnect.Corporate.Tests.Support;

/// <summary>A silo with CORPORATE_CONFIG_REQUIRES_APPROVAL=true.</summary>
public sealed class ApprovalRequiredSiloFixture : CorporateSiloFixture
{
    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CORPORATE_CONFIG_REQUIRES_APPROVAL"] = "true" };
}
