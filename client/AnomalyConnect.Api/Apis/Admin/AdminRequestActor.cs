using AnomalyConnect.Api.Admin;
using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Audit;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>
/// Who an admin request acts as, for the audit trail: the admin (the login of a UI session, or "api-token" for the
/// bearer token, as the admin filters record it) and the address it came from.
/// </summary>
public static class AdminRequestActor
{
    public static Actor Of(HttpContext http) =>
        Actor.Admin(http.Items[AdminActor.ItemKey] as string ?? "api-token", ClientAddress.TextOf(http));
}
