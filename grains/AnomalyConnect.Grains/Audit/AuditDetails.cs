using AnomalyConnect.Contracts.Runtime;
using System.Text.Json;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Audit;

/// <summary>Flattens a record's top-level fields into audit details (strings as they are, the rest as JSON).</summary>
public static class AuditDetails
{
    public static IReadOnlyDictionary<string, string?> From(object? value)
    {
        if (value is null)
        {
            return new Dictionary<string, string?>();
        }
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(value, value.GetType(), GrainJson.Options));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return new Dictionary<string, string?> { ["value"] = document.RootElement.GetRawText() };
        }
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            });
    }
}
