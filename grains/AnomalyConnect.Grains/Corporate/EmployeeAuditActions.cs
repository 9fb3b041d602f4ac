namespace AnomalyConnect.Grains.Corporate;

/// <summary>Audit action names of corporate access; the subject is the employee id (or the config request).</summary>
internal static class EmployeeAuditActions
{
    public const string SubjectType = "employee";
    public const string Granted = "employee.access_granted";
    public const string GrantRefused = "employee.grant_refused";
    public const string Deactivated = "employee.access_deactivated";
    public const string Reinstated = "employee.access_reinstated";
    public const string Registered = "employee.registry_registered";
    public const string Revoked = "employee.registry_revoked";
    public const string TelegramLinked = "employee.telegram_linked";
    public const string HrEventIgnored = "employee.hr_event_stale";

    public const string RequestSubjectType = "config_request";
    public const string RequestOpened = "config_request.opened";
    public const string RequestApproved = "config_request.approved";
    public const string RequestDenied = "config_request.denied";
    public const string RequestExpired = "config_request.expired";
    public const string RequestRefused = "config_request.decision_refused";
}
