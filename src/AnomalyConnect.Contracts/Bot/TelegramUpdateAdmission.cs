namespace AnomalyConnect.Contracts.Bot;

/// <summary>An update on its way into a chat's queue: its id, the partition it is ordered in, the sender's language.</summary>
public sealed record TelegramUpdateAdmission(long UpdateId, string Partition, string? LanguageCode, string UpdateJson);
