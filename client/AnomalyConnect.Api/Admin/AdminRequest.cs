using AnomalyConnect.Contracts.Admin;
using AnomalyConnect.Contracts.Audit;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Admin;

/// <summary>The logged-in admin behind a UI request: the session (with its CSRF token) and the actor for the audit trail.</summary>
public sealed record AdminRequest(AdminSession Session, string Token, Actor Actor)
{
    public const string ItemKey = "anomaly.admin-request";

    public string Login => Session.Login;

    /// <summary>The request's admin; only endpoints behind <see cref="AdminSessionFilter"/> have one.</summary>
    public static AdminRequest Of(HttpContext http) =>
        http.Items[ItemKey] as AdminRequest ?? throw new InvalidOperationException("This endpoint is not behind the admin session filter.");
}
