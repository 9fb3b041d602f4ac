namespace AnomalyConnect.Bot.Tests.Support;

/// <summary>
/// Every test that runs a silo process: one at a time, so that timing checks (rate limits, retry_after) do not compete
/// with other silos for the machine's cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SharedSiloFixture>
{
    public const string Name = "silo";
}
