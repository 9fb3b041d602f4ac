using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>A proxy as every format renders it: its name unique and already written into <see cref="Link"/>.</summary>
internal sealed record RenderedProxy(string Name, string Group, ShareLink Link);
