namespace AnomalyConnect.Corporate.Tests.Support;

/// <summary>A silo whose grants without days last CORPORATE_DEFAULT_DAYS=7.</summary>
public sealed class DefaultDaysSiloFixture : CorporateSiloFixture
{
    public const int DefaultDays = 7;

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CORPORATE_DEFAULT_DAYS"] = DefaultDays.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
