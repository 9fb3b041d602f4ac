namespace AnomalyConnect.Payments.Tests.Support;

/// <summary>The tests that share one silo; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PaymentsCollection : ICollectionFixture<PaymentsFixture>
{
    public const string Name = "payments";
}
