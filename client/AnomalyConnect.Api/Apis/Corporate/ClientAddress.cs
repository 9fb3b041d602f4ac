using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>The caller's address as the audit trail and the failure limiter see it (after trusted forwarded headers).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";
}
