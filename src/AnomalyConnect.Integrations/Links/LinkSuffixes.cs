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

    private static readonly BoundedCache<ShareLink, string> Suffixes = new(MaxEntries, KindAndNameHash.Instance);

    public static string Of<TLink>(TLink withoutCredential, Func<TLink, string> build) where TLink : ShareLink =>
        Suffixes.GetOrAdd(withoutCredential, static (link, build) => build((TLink)link), build);

    /// <summary>
    /// A record's own hash runs every field through randomized string hashing, on every link of every fetch. The
    /// kind and the name (one per node and protocol) already spread a node list's links apart; equality still
    /// compares every field, mostly the very same string instances.
    /// </summary>
    private sealed class KindAndNameHash : IEqualityComparer<ShareLink>
    {
        public static readonly KindAndNameHash Instance = new();

        public bool Equals(ShareLink? x, ShareLink? y) => EqualityComparer<ShareLink>.Default.Equals(x, y);

        public int GetHashCode(ShareLink link) => HashCode.Combine(link.GetType(), link.Name);
    }
}
