namespace AnomalyConnect.Bot.Texts;

/// <summary>The platforms the instructions cover; the names travel in callback data.</summary>
public static class Platforms
{
    public const string Ios = "ios";
    public const string Android = "android";
    public const string Windows = "windows";
    public const string MacOs = "macos";
    public const string Linux = "linux";

    public static IReadOnlyList<string> All { get; } = [Ios, Android, Windows, MacOs, Linux];
}
