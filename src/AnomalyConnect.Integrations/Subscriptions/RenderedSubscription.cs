namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>A subscription body ready to send.</summary>
public sealed record RenderedSubscription(string ContentType, byte[] Body, string FileExtension);
