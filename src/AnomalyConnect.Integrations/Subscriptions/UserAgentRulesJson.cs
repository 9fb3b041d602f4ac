using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>Reads the operator's rule file, with an error that names the rule at fault.</summary>
internal static class UserAgentRulesJson
{
    public static bool TryRead(
        JsonElement root, [NotNullWhen(true)] out UserAgentRules? rules, [NotNullWhen(false)] out string? error)
    {
        rules = null;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            error = "User-Agent rules: the file must be an object with a \"rules\" array.";
            return false;
        }

        var fallback = UserAgentRules.Default.Fallback;
        if (root.TryGetProperty("fallback", out var fallbackElement)
            && !TryReadFormat(fallbackElement, "\"fallback\"", out fallback, out error))
            return false;

        var includeDefaults = root.TryGetProperty("includeDefaults", out var include)
            && include.ValueKind == JsonValueKind.True;

        var read = new List<UserAgentRule>();
        var number = 0;
        foreach (var element in list.EnumerateArray())
        {
            number++;
            if (!TryReadRule(element, $"rule {number}", out var rule, out error))
                return false;
            read.Add(rule);
        }

        if (includeDefaults)
            read.AddRange(UserAgentRules.Default.Rules);
        rules = new UserAgentRules(read, fallback);
        error = null;
        return true;
    }

    private static bool TryReadRule(
        JsonElement element, string where, [NotNullWhen(true)] out UserAgentRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("format", out var formatElement))
        {
            error = $"User-Agent rules: {where} must be an object with \"format\".";
            return false;
        }

        if (!TryReadFormat(formatElement, $"{where}'s \"format\"", out var format, out error))
            return false;

        var contains = ReadString(element, "contains");
        var regex = ReadString(element, "regex");
        if (string.IsNullOrEmpty(contains) == string.IsNullOrEmpty(regex))
        {
            error = $"User-Agent rules: {where} needs exactly one of \"contains\" and \"regex\", not empty.";
            return false;
        }

        try
        {
            rule = contains is { Length: > 0 }
                ? UserAgentRule.Contains(contains, format)
                : UserAgentRule.Matching(regex!, format);
            return true;
        }
        catch (ArgumentException e)
        {
            error = $"User-Agent rules: {where} has an unusable regex: {e.Message}";
            return false;
        }
    }

    private static bool TryReadFormat(
        JsonElement element, string what, out SubscriptionFormat format, [NotNullWhen(false)] out string? error)
    {
        format = default;
        if (element.ValueKind == JsonValueKind.String && SubscriptionFormats.TryParse(element.GetString(), out format))
        {
            error = null;
            return true;
        }

        error = $"User-Agent rules: {what} must be one of {string.Join(", ", SubscriptionFormats.CanonicalNames)}.";
        return false;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
