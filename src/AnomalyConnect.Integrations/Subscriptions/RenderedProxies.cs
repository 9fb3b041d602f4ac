using System.Buffers;
using System.Collections.Frozen;
using AnomalyConnect.Integrations.Links;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>
/// The proxies every format renders, so that names agree across formats: unique (Clash and sing-box refuse
/// duplicates), never a group's or a built-in's name, and a single placeholder when the user may not connect.
/// </summary>
internal static class RenderedProxies
{
    public const string AutoGroup = "Auto";
    public const string SelectGroup = "Proxy";
    public const string NoServersNote = "No servers available yet";
    public const string ProbeUrl = "http://www.gstatic.com/generate_204";
    public const int ProbeIntervalSeconds = 300;
    public const int ProbeToleranceMilliseconds = 50;

    /// <summary>Names in use across node lists, with a wide margin; past it the cache of their keys starts over.</summary>
    private const int MaxNameKeys = 4_096;

    // Nothing listens on port 1 of loopback, so the placeholder fails at once and sends nothing anywhere.
    private static readonly VlessRealityLink Placeholder = new()
    {
        Uuid = "00000000-0000-0000-0000-000000000000",
        Host = "127.0.0.1",
        Port = 1,
        Security = VlessSecurity.None,
        Fingerprint = "",
        Flow = "",
        Name = "",
    };

    private static readonly FrozenSet<string> Reserved = new[]
    {
        AutoGroup, SelectGroup, "DIRECT", "REJECT", "REJECT-DROP", "PASS", "COMPATIBLE", "GLOBAL", "block", "dns-out",
    }.Select(KeyOf).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every character char.IsControl is true for (C0, DEL and C1, all below U+0100), for a vectorized search.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x100).Select(c => (char)c).Where(char.IsControl)]);

    /// <summary>
    /// Names compared without case, as upper-case keys: hashing a name with emoji (every flag) case-insensitively
    /// takes the slow path on each lookup, and the same few names come back on every fetch.
    /// </summary>
    private static readonly BoundedCache<string, string> NameKeys = new(MaxNameKeys, StringComparer.Ordinal);

    /// <summary>The note a document without working proxies shows, or null when it has some.</summary>
    public static string? BlockingNote(SubscriptionDocument document) =>
        !string.IsNullOrWhiteSpace(document.StatusNote) ? document.StatusNote.Trim()
        : document.Proxies.Count == 0 ? NoServersNote
        : null;

    public static IReadOnlyList<RenderedProxy> Of(SubscriptionDocument document)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (BlockingNote(document) is { } note)
        {
            var name = Unique(Clean(note), taken);
            return [new RenderedProxy(name, "", Placeholder with { Name = name })];
        }

        var proxies = new RenderedProxy[document.Proxies.Count];
        for (var i = 0; i < proxies.Length; i++)
        {
            var proxy = document.Proxies[i];
            var name = Unique(NameOf(proxy), taken);
            // Usually the link already carries the name (the same string), so it needs no copy.
            var link = string.Equals(proxy.Link.Name, name, StringComparison.Ordinal) ? proxy.Link : proxy.Link with { Name = name };
            proxies[i] = new RenderedProxy(name, proxy.Group, link);
        }
        return proxies;
    }

    /// <summary>REALITY cannot run without a uTLS fingerprint, so one the node left empty becomes chrome's.</summary>
    public static string FingerprintFor(VlessRealityLink link) =>
        link.Security == VlessSecurity.Reality && link.Fingerprint.Length == 0 ? "chrome" : link.Fingerprint;

    private static string NameOf(SubscriptionProxy proxy)
    {
        var name = Clean(proxy.DisplayName);
        if (name.Length > 0)
            return name;
        var host = proxy.Link switch
        {
            VlessRealityLink vless => vless.Host,
            Hysteria2Link hysteria2 => hysteria2.Host,
            _ => proxy.NodeId,
        };
        return $"{proxy.Protocol} {host}";
    }

    private static string Clean(string name) =>
        (name.AsSpan().ContainsAny(ControlCharacters) ? new string(name.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : name).Trim();

    /// <summary>The name, or the first of "name 2", "name 3"… that is neither reserved nor taken, ignoring case.</summary>
    private static string Unique(string name, HashSet<string> takenKeys)
    {
        var candidate = name;
        for (var n = 2; !IsFree(candidate, takenKeys); n++)
            candidate = $"{name} {n}";
        return candidate;
    }

    private static bool IsFree(string name, HashSet<string> takenKeys)
    {
        var key = NameKeys.GetOrAdd(name, KeyOf);
        return !Reserved.Contains(key) && takenKeys.Add(key);
    }

    private static string KeyOf(string name) => name.ToUpperInvariant();
}
