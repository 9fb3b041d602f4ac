using AnomalyConnect.Contracts.Audit;

namespace AnomalyConnect.Grains.Corporate;

/// <summary>What a new config request is for: the user, the Telegram account that must approve it, where it came from, who asked.</summary>
internal sealed record ConfigRequestOpening(string UserId, long TelegramId, string Channel, Actor Actor);
