namespace AnomalyConnect.Grains.Subscriptions;

/// <summary>
/// What an app sends about itself is attacker-controlled: values are trimmed, control characters dropped and
/// lengths bounded before they are compared or stored.
/// </summary>
internal static class DeviceFields
{
    public const int MaxHwidLength = 128;
    public const int MaxTextLength = 256;

    /// <summary>The hardware id, or null when the app sent none (such a device cannot be counted).</summary>
    public static string? Hwid(string? value) => Clean(value, MaxHwidLength);

    public static string? Text(string? value) => Clean(value, MaxTextLength);

    private static string? Clean(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var cleaned = value.Any(char.IsControl) ? new string(value.Where(c => !char.IsControl(c)).ToArray()) : value;
        cleaned = cleaned.Trim();
        if (cleaned.Length > maxLength)
        {
            cleaned = cleaned[..maxLength];
        }
        return cleaned.Length == 0 ? null : cleaned;
    }
}
