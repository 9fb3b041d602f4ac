namespace AnomalyConnect.Integrations.Telegram;

/// <summary>Telegram asks whether to go on with a checkout (<c>PreCheckoutQuery</c>); answer within 10 seconds.</summary>
public sealed record PreCheckoutQuery
{
    public required string Id { get; init; }

    public required User From { get; init; }

    public required string Currency { get; init; }

    public required long TotalAmount { get; init; }

    public required string InvoicePayload { get; init; }
}
