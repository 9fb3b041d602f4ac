using System.Net;

namespace AnomalyConnect.Contracts.Payments;

/// <summary>
/// What the front end does with a YooKassa notification. The notification is only a hint: the payment or refund is
/// read back from YooKassa's API and only what the API says is acted on.
/// </summary>
public interface IYooKassaNotifications
{
    /// <summary>Whether YooKassa is configured at all (shop id and secret key).</summary>
    bool IsConfigured { get; }

    /// <summary>Whether a notification from this address is heard (always, unless YOOKASSA_CHECK_IP is on).</summary>
    bool AcceptsSender(IPAddress? address);

    /// <summary>Re-reads the notification's object from the API and applies what it says to our payment.</summary>
    Task<YooKassaNotificationOutcome> HandleAsync(string eventName, string objectId, CancellationToken cancellationToken);
}
