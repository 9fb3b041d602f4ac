using System.Net;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Admin;

/// <summary>The caller's address as the front end believes it (after trusted proxies' X-Forwarded-For), IPv4 as IPv4.</summary>
public static class ClientAddress
{
    public static IPAddress? Of(HttpContext http) =>
        http.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : http.Connection.RemoteIpAddress;

    public static string? TextOf(HttpContext http) => Of(http)?.ToString();

    /// <summary>Whether the caller may reach /admin: an empty list lets everyone through.</summary>
    public static bool IsAllowed(HttpContext http, IReadOnlyList<IPNetwork> allowlist) =>
        allowlist.Count == 0 || (Of(http) is { } address && allowlist.Any(network => network.Contains(address)));
}
