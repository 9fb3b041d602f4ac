namespace AnomalyConnect.Integrations.Telegram;

/// <summary>A line of an invoice (<c>LabeledPrice</c>); <see cref="Amount"/> is in the smallest units (kopecks, Stars).</summary>
public sealed record LabeledPrice(string Label, long Amount);
