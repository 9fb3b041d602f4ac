namespace AnomalyConnect.Integrations.Telegram;

/// <summary>Currencies the bot invoices in.</summary>
public static class TelegramCurrencies
{
    public const string Rub = "RUB";

    /// <summary>Telegram Stars: invoices go with an empty provider token and exactly one price.</summary>
    public const string Stars = "XTR";
}
