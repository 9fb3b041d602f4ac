namespace AnomalyConnect.Admin.Tests.Support;

/// <summary>One sample line: its name, labels, value, and the family and type it belongs to.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, string Family, string Type)
{
    public bool Has(string label, string value) => Labels.TryGetValue(label, out var actual) && actual == value;
}
