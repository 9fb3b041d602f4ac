using System.Text.RegularExpressions;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>One row of the User-Agent table: when the pattern matches, serve the format. Case-insensitive.</summary>
public sealed class UserAgentRule
{
    private readonly Regex? regex;

    private UserAgentRule(string pattern, SubscriptionFormat format, Regex? regex)
    {
        Pattern = pattern;
        Format = format;
        this.regex = regex;
    }

    public string Pattern { get; }

    public SubscriptionFormat Format { get; }

    public bool IsRegex => regex is not null;

    public static UserAgentRule Contains(string text, SubscriptionFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new UserAgentRule(text, format, null);
    }

    /// <summary>
    /// A regular expression run without backtracking, since the User-Agent is attacker-controlled;
    /// constructs that need backtracking (lookarounds, backreferences) are refused here.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is not a valid non-backtracking expression.</exception>
    public static UserAgentRule Matching(string pattern, SubscriptionFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
        try
        {
            return new UserAgentRule(pattern, format, new Regex(pattern, options));
        }
        catch (NotSupportedException e)
        {
            throw new ArgumentException($"The pattern '{pattern}' needs backtracking: {e.Message}", nameof(pattern), e);
        }
    }

    public bool Matches(string userAgent) =>
        regex?.IsMatch(userAgent) ?? userAgent.Contains(Pattern, StringComparison.OrdinalIgnoreCase);
}
