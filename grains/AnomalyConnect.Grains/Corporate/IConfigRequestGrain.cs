using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>One config request awaiting (or past) its second-factor decision in Telegram; reached through <see cref="ICorporateAccess"/>.</summary>
internal interface IConfigRequestGrain : IGrain
{
    /// <summary>Opens the request, sets its expiry timer and asks Telegram for a decision; the existing request if it was opened.</summary>
    Task<ConfigRequest> OpenAsync(ConfigRequestOpening opening);

    /// <summary>The state after the decision; null when there is no such request.</summary>
    Task<ConfigRequestState?> DecideAsync(long telegramId, bool approve);

    Task<ConfigRequest?> GetAsync();
}
