using AnomalyConnect.Integrations.Subscriptions;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>
/// What subscriptions read from the environment: <c>SUBSCRIPTION_RULES_FILE</c> (an operator's User-Agent rules,
/// JSON; the built-in rules otherwise), <c>SUPPORT_URL</c> and <c>SUBSCRIPTION_TITLE</c>. A value that cannot be
/// used stops start-up with a sentence that names it.
/// </summary>
public sealed class SubscriptionSettings
{
    public const string RulesFileKey = "SUBSCRIPTION_RULES_FILE";
    public const string SupportUrlKey = "SUPPORT_URL";
    public const string TitleKey = "SUBSCRIPTION_TITLE";
    public const string DefaultTitle = "Anomaly Connect";

    public required UserAgentRules Rules { get; init; }

    public string? SupportUrl { get; init; }

    public string ProfileTitle { get; init; } = DefaultTitle;

    /// <summary>How often apps are asked to refresh the subscription (profile-update-interval).</summary>
    public int UpdateIntervalHours { get; init; } = 12;

    /// <exception cref="InvalidOperationException">A setting is present but unusable; the message says which and why.</exception>
    public static SubscriptionSettings Read(IConfiguration configuration)
    {
        var supportUrl = configuration[SupportUrlKey] is { Length: > 0 } support ? support.Trim() : null;
        if (supportUrl is not null && !Uri.TryCreate(supportUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{SupportUrlKey} is not an absolute URL (like https://t.me/support): '{supportUrl}'.");
        }
        return new SubscriptionSettings
        {
            Rules = ReadRules(configuration[RulesFileKey]),
            SupportUrl = supportUrl,
            ProfileTitle = configuration[TitleKey] is { Length: > 0 } title ? title.Trim() : DefaultTitle,
        };
    }

    private static UserAgentRules ReadRules(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return UserAgentRules.Default;
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{RulesFileKey} points at '{path}', which does not exist.");
        }
        return UserAgentRules.TryFromJson(File.ReadAllText(path), out var rules, out var error)
            ? rules
            : throw new InvalidOperationException($"{RulesFileKey} ('{path}') cannot be used. {error}");
    }
}
