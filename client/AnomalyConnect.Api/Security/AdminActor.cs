namespace AnomalyConnect.Api.Security;

/// <summary>Who is calling the admin API, for the audit trail.</summary>
public static class AdminActor
{
    public const string ItemKey = "anomaly.admin-actor";
}
