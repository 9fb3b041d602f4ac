namespace AnomalyConnect.Integrations.Telegram.Requests;

internal sealed record EmptyRequest
{
    public static EmptyRequest Instance { get; } = new();
}
