namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>Short import steps per platform, as (platform, steps) pairs; plain text, encoded when written.</summary>
internal static class HtmlInstructions
{
    public static IReadOnlyList<(string Platform, string Steps)> All { get; } =
    [
        ("iPhone and iPad",
            "Install Streisand or Happ from the App Store. Copy the subscription address above, open the app, "
            + "tap +, and add from the clipboard (or scan the QR code). Then turn the connection on."),
        ("Android",
            "Install v2rayNG or Hiddify. Copy the subscription address; in v2rayNG open the menu, Subscription group "
            + "settings, add it and update; in Hiddify tap New profile, Add from clipboard. Then connect."),
        ("Windows",
            "Install v2rayN or Hiddify. Copy the subscription address; in v2rayN choose Subscription group, "
            + "Subscription group settings, Add, then Update subscription; in Hiddify choose New profile, "
            + "Add from clipboard. Then connect."),
        ("macOS",
            "Install Hiddify, or Streisand or Happ on Apple silicon Macs. Copy the subscription address and add it "
            + "from the clipboard, then connect."),
    ];
}
