namespace AnomalyConnect.Contracts.Bot;

/// <summary>Values the bot generates once and every process must agree on (the webhook secret), kept in the database.</summary>
public interface IBotSettings
{
    /// <summary>The stored value, or <paramref name="valueIfAbsent"/> stored now when there was none (the first writer wins).</summary>
    Task<string> GetOrAddAsync(string name, string valueIfAbsent, CancellationToken cancellationToken);
}
