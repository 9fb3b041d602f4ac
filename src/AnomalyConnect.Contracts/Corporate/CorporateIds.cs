using System.Diagnostics.CodeAnalysis;

namespace AnomalyConnect.Contracts.Corporate;

/// <summary>What corporate ids (employee ids, HR event ids) may look like.</summary>
public static class CorporateIds
{
    public const int MaxLength = 64;

    public const int MaxEventIdLength = 200;

    /// <summary>Letters, digits, '-', '_', '.', '@' and ':', 1 to 64 long: safe in URLs, logs and grain keys.</summary>
    public static bool IsWellFormedEmployeeId([NotNullWhen(true)] string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or ':');

    /// <summary>Any printable ASCII without spaces, 1 to 200 long.</summary>
    public static bool IsWellFormedEventId([NotNullWhen(true)] string? id) =>
        id is { Length: > 0 and <= MaxEventIdLength } && id.All(c => c is > ' ' and <= '~');
}
