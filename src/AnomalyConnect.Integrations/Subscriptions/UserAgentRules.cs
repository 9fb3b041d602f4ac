using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>
/// Which format a client app gets, decided by an ordered table over its User-Agent: the first matching rule wins,
/// else <see cref="Fallback"/>. Order carries meaning: apps that mention other apps in their User-Agent
/// (Hiddify says "ClashMeta", NekoBox says "Prefer ClashMeta Format") come before the apps they mention,
/// and browsers come last so that an app embedding "Mozilla" is still recognised as the app.
/// </summary>
public sealed class UserAgentRules(IReadOnlyList<UserAgentRule> rules, SubscriptionFormat fallback = SubscriptionFormat.Base64)
{
    // User-Agents longer than any real app's are cut, so that matching work stays bounded.
    private const int MaxUserAgentLength = 512;

    public static UserAgentRules Default { get; } = new(
    [
        UserAgentRule.Contains("hiddify", SubscriptionFormat.SingBox),
        UserAgentRule.Matching(@"neko(box|ray)", SubscriptionFormat.Base64),
        UserAgentRule.Matching(@"v2rayn|streisand|\bhapp\b", SubscriptionFormat.Base64),
        UserAgentRule.Matching(@"clash|mihomo|\bstash\b", SubscriptionFormat.Clash),
        UserAgentRule.Matching(@"sing-box|^SF[AIMT]/", SubscriptionFormat.SingBox),
        UserAgentRule.Matching(@"mozilla|chrome|safari|firefox|\bedge?/|opera", SubscriptionFormat.Html),
    ]);

    public IReadOnlyList<UserAgentRule> Rules { get; } = rules.ToArray();

    public SubscriptionFormat Fallback { get; } = fallback;

    /// <summary>An explicit <c>?format=</c> wins over the User-Agent; an unknown one is an error, not a guess.</summary>
    public FormatChoice Choose(string? formatQuery, string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(formatQuery))
            return FormatChoice.Of(ForUserAgent(userAgent));
        if (SubscriptionFormats.TryParse(formatQuery, out var format))
            return FormatChoice.Of(format);

        var shown = formatQuery.Length > 32 ? formatQuery[..32] + "…" : formatQuery;
        return FormatChoice.Invalid(
            $"Unknown format '{shown}'; use one of: {string.Join(", ", SubscriptionFormats.CanonicalNames)}.");
    }

    public SubscriptionFormat ForUserAgent(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return Fallback;
        var text = userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent;
        return Rules.FirstOrDefault(rule => rule.Matches(text))?.Format ?? Fallback;
    }

    /// <summary>Reads rules from an operator's file; see <see cref="TryFromJson"/> for the shape.</summary>
    /// <exception cref="FormatException">The JSON is not a valid rule file; the message says what is wrong.</exception>
    public static UserAgentRules FromJson(string json) =>
        TryFromJson(json, out var rules, out var error) ? rules : throw new FormatException(error);

    /// <summary>
    /// Reads <c>{"rules": [{"contains": "…" | "regex": "…", "format": "clash"}, …], "fallback": "base64",
    /// "includeDefaults": false}</c>. The file's rules come first; with <c>includeDefaults</c> the built-in
    /// rules follow them, otherwise the file replaces them. Format names are those <c>?format=</c> accepts.
    /// </summary>
    public static bool TryFromJson(
        string json, [NotNullWhen(true)] out UserAgentRules? rules, [NotNullWhen(false)] out string? error)
    {
        rules = null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return UserAgentRulesJson.TryRead(document.RootElement, out rules, out error);
        }
        catch (JsonException e)
        {
            error = $"User-Agent rules are not valid JSON: {e.Message}";
            return false;
        }
    }
}
