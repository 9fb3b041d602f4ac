namespace AnomalyConnect.Silo.Extensions;

internal static partial class SiloLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Anomaly Connect starting with roles {Roles}; public URL {AppUrl}")]
    public static partial void LogSiloStarting(this ILogger logger, string roles, string appUrl);
}
