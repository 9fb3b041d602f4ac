namespace AnomalyConnect.Bot.Configuration;

/// <summary>
/// What the host already knows (parsed with its own settings) and what this process does: <paramref name="RunsBot"/>
/// (the bot role: polling or webhook registration, broadcasts) and <paramref name="DeliversOutbox"/> (the silo role:
/// processing updates, notifications and approval prompts from the outbox). <paramref name="InstanceName"/> names the
/// process in broadcast leases: a process restarted under the same name takes its broadcast back at once.
/// </summary>
public sealed record BotHosting(
    string Token,
    IReadOnlyList<long> AdminIds,
    string AppUrl,
    bool RunsBot,
    bool DeliversOutbox,
    string InstanceName);
