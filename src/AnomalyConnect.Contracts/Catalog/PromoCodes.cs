namespace AnomalyConnect.Contracts.Catalog;

/// <summary>How promo codes are written: the grain key is the code trimmed and upper-cased.</summary>
public static class PromoCodes
{
    public const int MaxLength = 32;

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>3 to 32 letters, digits, '-' and '_'.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: >= 3 and <= MaxLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
