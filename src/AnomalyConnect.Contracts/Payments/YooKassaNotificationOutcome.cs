namespace AnomalyConnect.Contracts.Payments;

/// <summary>What came of a YooKassa notification once the API was asked.</summary>
public enum YooKassaNotificationOutcome
{
    /// <summary>Our payment changed as the API says (succeeded, canceled or refunded).</summary>
    Applied,

    /// <summary>The API agrees with what we already knew: a repeated notification.</summary>
    Unchanged,

    /// <summary>Neither YooKassa nor we know the object: nothing to do.</summary>
    Unknown,

    /// <summary>The API does not confirm the event (a payment still pending, an event we do not act on).</summary>
    Ignored,

    /// <summary>The API answer contradicts our payment (another amount or currency); nothing changed and it was audited.</summary>
    Rejected,

    /// <summary>The API could not be asked; nothing changed and YooKassa should deliver the notification again.</summary>
    ProviderUnavailable,
}
