namespace AnomalyConnect.Grains.Bot;

/// <summary>Where an update goes: its id, the chat whose queue it joins (null: none), the partition, the sender's language.</summary>
internal sealed record TelegramUpdateRoute(long UpdateId, long? ChatId, string? Partition, string? LanguageCode);
