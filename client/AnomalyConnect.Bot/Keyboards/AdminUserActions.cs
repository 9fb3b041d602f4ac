namespace AnomalyConnect.Bot.Keyboards;

/// <summary>The admin's buttons under a user card.</summary>
public static class AdminUserActions
{
    public const string Extend7 = "x7";
    public const string Extend30 = "x30";
    public const string Disable = "off";
    public const string Enable = "on";
    public const string ResetTraffic = "rst";
}
