namespace AnomalyConnect.Contracts.Bot;

/// <summary>
/// The outbox payload that carries an admitted update to the bot (kind <see cref="BotOutboxKinds.TelegramUpdate"/>).
/// The update stays JSON text: it is parsed by the bot with the Bot API's own serializer settings.
/// </summary>
public sealed record TelegramUpdateMessage(long UpdateId, long ChatId, string UpdateJson);
