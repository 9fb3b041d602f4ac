using System.Globalization;
using System.Text.Json;

namespace AnomalyConnect.Api.Admin;

/// <summary>How the admin UI writes numbers, sizes, times and enum names.</summary>
public static class AdminFormat
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>Bytes in binary units, as panels in this field show traffic: 1536 → "1.5 KiB".</summary>
    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0
            ? $"{bytes.ToString(CultureInfo.InvariantCulture)} B"
            : $"{value.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture)} {Units[unit]}";
    }

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "—";

    public static string Date(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>An enum value as the API writes it: OnHold → on_hold.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>An enum value for people: OnHold → "on hold".</summary>
    public static string Label<T>(T value) where T : struct, Enum => Name(value).Replace('_', ' ');

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text?.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out value) && Enum.IsDefined(value);
}
