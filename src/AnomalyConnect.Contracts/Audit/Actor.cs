using System.Globalization;

namespace AnomalyConnect.Contracts.Audit;

/// <summary>
/// Who made a change, for the audit trail: kind (admin, api, corporate_api, hr, telegram, payment, system), an id
/// within that kind (admin login, Telegram id, HR event id, payment id), the caller's address, and a reference.
/// </summary>
public sealed record Actor(string Kind, string Id, string? Address = null, string? Reference = null)
{
    public static Actor System { get; } = new("system", "system");

    public static Actor Admin(string login, string? address) => new("admin", login, address);

    public static Actor CorporateApi(string? address) => new("corporate_api", "corporate-secret", address);

    public static Actor HrEvent(string eventId, string? address) => new("hr", eventId, address);

    public static Actor Telegram(long telegramId) => new("telegram", telegramId.ToString(CultureInfo.InvariantCulture));

    public static Actor Payment(string paymentId) => new("payment", paymentId);
}
