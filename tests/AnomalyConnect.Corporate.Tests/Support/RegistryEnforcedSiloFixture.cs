namespace AnomalyConnect.Corporate.Tests.Support;

/// <summary>A silo with CORPORATE_REGISTRY_ENFORCED=true.</summary>
public sealed class RegistryEnforcedSiloFixture : CorporateSiloFixture
{
    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CORPORATE_REGISTRY_ENFORCED"] = "true" };
}
