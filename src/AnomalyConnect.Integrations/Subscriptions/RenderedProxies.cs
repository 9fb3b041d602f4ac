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
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The note a document without working proxies shows, or null when it has some.</summary>
    public static string? BlockingNote(SubscriptionDocument document) =>
        !string.IsNullOrWhiteSpace(document.StatusNote) ? document.StatusNote.Trim()
        : document.Proxies.Count == 0 ? NoServersNote
        : null;

    public static IReadOnlyList<RenderedProxy> Of(SubscriptionDocument document)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (BlockingNote(document) is { } note)
        {
            var name = Unique(Clean(note), taken);
            return [new RenderedProxy(name, "", Placeholder with { Name = name })];
        }

        return document.Proxies
            .Select(proxy =>
            {
                var name = Unique(NameOf(proxy), taken);
                return new RenderedProxy(name, proxy.Group, proxy.Link with { Name = name });
            })
            .ToList();
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
        (name.Any(char.IsControl) ? new string(name.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : name).Trim();

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; Reserved.Contains(candidate) || !taken.Add(candidate); n++)
            candidate = $"{name} {n}";
        return candidate;
    }
}
