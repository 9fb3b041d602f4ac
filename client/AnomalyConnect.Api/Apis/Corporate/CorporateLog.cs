using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>The corporate API's log lines. Secrets, signatures and activation codes are never logged.</summary>
internal static partial class CorporateLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Corporate API request from {Address} refused: wrong or missing X-Corporate-Secret")]
    public static partial void SecretRejected(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HR webhook from {Address} refused: wrong or missing X-Signature")]
    public static partial void SignatureRejected(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication from {Address} refused: too many failed attempts")]
    public static partial void RateLimited(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "HR event {EventId} ({Type}) for employee {EmployeeId}: {Status}")]
    public static partial void HrEventHandled(ILogger logger, string eventId, string type, string employeeId, string status);
}
