using System.Globalization;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// Corporate access settings from the environment: CORPORATE_REGISTRY_ENFORCED (grant only registered ids),
/// CORPORATE_CONFIG_REQUIRES_APPROVAL (configs only behind the Telegram second factor), CORPORATE_DEFAULT_DAYS (term of
/// a grant that names no days; unset means no expiry). Bad values stop start-up with a sentence naming the variable.
/// </summary>
public sealed class CorporateOptions
{
    public const string SectionName = "Corporate";
    public const int MaxDays = 36_500;

    public bool RegistryEnforced { get; init; }

    public bool ConfigRequiresApproval { get; init; }

    public int? DefaultDays { get; init; }

    public static CorporateOptions Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var options = new CorporateOptions
        {
            RegistryEnforced = Flag("CORPORATE_REGISTRY_ENFORCED", configuration["CORPORATE_REGISTRY_ENFORCED"], problems),
            ConfigRequiresApproval = Flag("CORPORATE_CONFIG_REQUIRES_APPROVAL", configuration["CORPORATE_CONFIG_REQUIRES_APPROVAL"], problems),
            DefaultDays = Days("CORPORATE_DEFAULT_DAYS", configuration["CORPORATE_DEFAULT_DAYS"], problems),
        };
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException(problems);
        }
        return options;
    }

    private static bool Flag(string name, string? raw, List<string> problems)
    {
        switch (raw?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0" or "no" or "off":
                return false;
            case "true" or "1" or "yes" or "on":
                return true;
            default:
                problems.Add($"{name} must be true or false; '{raw}' is neither.");
                return false;
        }
    }

    private static int? Days(string name, string? raw, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDays)
        {
            return days;
        }
        problems.Add($"{name} must be a whole number of days between 1 and {MaxDays}, or unset for no expiry; '{raw}' is not.");
        return null;
    }
}
