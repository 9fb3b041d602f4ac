using System.Collections.Concurrent;

namespace AnomalyConnect.Integrations.Links;

/// <summary>
/// Everything of a link after its credential (<c>@host:port?…#name</c>), kept per link with the credential left
/// out: every user of a node shares it, so a subscription writes one escaped credential per link instead of
/// formatting and escaping the whole link again.
/// </summary>
internal static class LinkSuffixes
{
    /// <summary>Nodes × protocols × names in use, with a wide margin; past it the cache starts over.</summary>
    private const int MaxEntries = 4_096;

    private static readonly ConcurrentDictionary<ShareLink, string> Suffixes = new();

    public static string Of<TLink>(TLink withoutCredential, Func<TLink, string> build) where TLink : ShareLink
    {
        if (Suffixes.TryGetValue(withoutCredential, out var suffix))
            return suffix;
        if (Suffixes.Count >= MaxEntries)
            Suffixes.Clear();
        suffix = build(withoutCredential);
        Suffixes.TryAdd(withoutCredential, suffix);
        return suffix;
    }
}
