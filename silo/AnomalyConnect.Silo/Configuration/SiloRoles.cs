namespace AnomalyConnect.Silo.Configuration;

/// <summary>
/// What this process runs. <c>silo</c> delivers the outbox and fires timers; <c>api</c> serves the front end;
/// <c>bot</c> runs the Telegram bot. Every role may call any grain. The default is all of them in one process
/// (the bot only when BOT_TOKEN is set).
/// </summary>
public sealed record SiloRoles(bool Silo, bool Api, bool Bot)
{
    public static SiloRoles Parse(string? raw, bool hasBotToken, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new SiloRoles(Silo: true, Api: true, Bot: hasBotToken);
        }
        var names = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .ToHashSet();
        foreach (var unknown in names.Except(["silo", "api", "bot"]))
        {
            problems.Add($"ANOMALY_ROLES names an unknown role '{unknown}'; use silo, api and bot separated by commas.");
        }
        if (names.Contains("bot") && !hasBotToken)
        {
            problems.Add("ANOMALY_ROLES asks for the bot but BOT_TOKEN is not set.");
        }
        return new SiloRoles(names.Contains("silo"), names.Contains("api"), names.Contains("bot"));
    }

    public override string ToString() =>
        string.Join(",", new[] { Silo ? "silo" : null, Api ? "api" : null, Bot ? "bot" : null }.OfType<string>());
}
