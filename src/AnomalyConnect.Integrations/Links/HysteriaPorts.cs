using System.Diagnostics.CodeAnalysis;

namespace AnomalyConnect.Integrations.Links;

/// <summary>
/// Hysteria2's "multi-port" notation: <c>443</c>, <c>20000-50000</c> or <c>443,5000-6000</c>;
/// more than one port means the client hops between them.
/// </summary>
internal static class HysteriaPorts
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out IReadOnlyList<(int Start, int End)>? ranges)
    {
        ranges = null;
        if (string.IsNullOrEmpty(text))
            return false;

        var result = new List<(int Start, int End)>();
        foreach (var part in text.Split(','))
        {
            var dash = part.IndexOf('-');
            var startText = dash >= 0 ? part[..dash] : part;
            var endText = dash >= 0 ? part[(dash + 1)..] : part;
            if (!LinkUriParts.TryParsePort(startText, out var start) || !LinkUriParts.TryParsePort(endText, out var end)
                || end < start)
                return false;
            result.Add((start, end));
        }

        ranges = result;
        return true;
    }

    public static bool IsSinglePort(IReadOnlyList<(int Start, int End)> ranges) =>
        ranges is [var only] && only.Start == only.End;
}
