namespace AnomalyConnect.Api.Apis;

/// <summary>The public subscription URL of a token.</summary>
public static class SubscriptionUrls
{
    public static string For(string appUrl, string token) => $"{appUrl.TrimEnd('/')}/sub/{token}";
}
