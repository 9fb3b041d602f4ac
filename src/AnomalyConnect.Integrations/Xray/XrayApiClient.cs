using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AnomalyConnect.Integrations.Xray.Protos.Common;
using AnomalyConnect.Integrations.Xray.Protos.Proxyman;
using AnomalyConnect.Integrations.Xray.Protos.Stats;
using Google.Protobuf;
using HysteriaAccount = AnomalyConnect.Integrations.Xray.Protos.Hysteria.Account;
using VlessAccount = AnomalyConnect.Integrations.Xray.Protos.Vless.Account;

namespace AnomalyConnect.Integrations.Xray;

/// <summary>
/// Client of a node's Xray (or v2ray 4.x) gRPC API: adds and removes users on an inbound and reads traffic counters.
/// Adding a user that exists and removing one that does not are successes, so every call can be repeated safely.
/// Failures are <see cref="XrayApiException"/> (the node answered an error or not gRPC) or
/// <see cref="HttpRequestException"/> (the node could not be reached).
/// </summary>
public sealed class XrayApiClient(HttpClient http)
{
    private const string UserCounterPrefix = "user>>>";
    private const string UplinkSuffix = ">>>traffic>>>uplink";
    private const string DownlinkSuffix = ">>>traffic>>>downlink";

    public Task AddVlessUserAsync(
        XrayEndpoint endpoint, string inboundTag, string email, string uuid, string? flow, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);
        var account = new VlessAccount { Id = uuid, Flow = flow ?? string.Empty, Encryption = "none" };
        return AddUserAsync(endpoint, inboundTag, email, account, uuid, ct);
    }

    /// <summary>Adds a user to a native Hysteria2 inbound (Xray 26.3 and later; v2ray has none).</summary>
    public Task AddHysteriaUserAsync(XrayEndpoint endpoint, string inboundTag, string email, string auth, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(auth);
        if (endpoint.Flavor != XrayFlavor.Xray)
        {
            throw new NotSupportedException("Hysteria inbounds exist only in Xray (26.3 and later), not in v2ray.");
        }
        return AddUserAsync(endpoint, inboundTag, email, new HysteriaAccount { Auth = auth }, auth, ct);
    }

    public async Task RemoveUserAsync(XrayEndpoint endpoint, string inboundTag, string email, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        try
        {
            await AlterInboundAsync(endpoint, inboundTag, new RemoveUserOperation { Email = email }, ct);
        }
        catch (XrayApiException e) when (e.Message.Contains($"User {email} not found", StringComparison.OrdinalIgnoreCase))
        {
            // Already gone: the wanted state.
        }
    }

    /// <summary>
    /// Every user's counters, read without reset (a lost reply then loses nothing): email → cumulative bytes since the core
    /// started. A user appears once it has had traffic and stays after its removal.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, XrayUserTraffic>> QueryUserTrafficAsync(XrayEndpoint endpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var reply = await GrpcUnary.CallAsync(
            http,
            endpoint,
            XrayNames.MethodPath(endpoint.Flavor, StatsService, "QueryStats"),
            new QueryStatsRequest { Pattern = UserCounterPrefix, Reset = false },
            QueryStatsResponse.Parser,
            ct);
        var traffic = new Dictionary<string, XrayUserTraffic>(StringComparer.Ordinal);
        foreach (var stat in reply.Stat)
        {
            if (TryParseUserCounter(stat.Name, out var email, out var isUplink))
            {
                var current = traffic.GetValueOrDefault(email, new XrayUserTraffic(0, 0));
                traffic[email] = isUplink ? current with { Uplink = stat.Value } : current with { Downlink = stat.Value };
            }
        }
        return traffic;
    }

    /// <summary>The core's runtime figures; answers only if the API is up, so it doubles as the health check.</summary>
    public async Task<XraySystemStats> GetSystemStatsAsync(XrayEndpoint endpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var reply = await GrpcUnary.CallAsync(
            http,
            endpoint,
            XrayNames.MethodPath(endpoint.Flavor, StatsService, "GetSysStats"),
            new SysStatsRequest(),
            SysStatsResponse.Parser,
            ct);
        return new XraySystemStats(
            reply.Uptime,
            reply.NumGoroutine,
            reply.NumGC,
            reply.Alloc,
            reply.TotalAlloc,
            reply.Sys,
            reply.Mallocs,
            reply.Frees,
            reply.LiveObjects,
            reply.PauseTotalNs);
    }

    /// <summary>
    /// A handler for management endpoints behind mTLS: presents <paramref name="clientCertificate"/> and, when
    /// <paramref name="pinnedCaCertificate"/> is given, accepts only server certificates that chain to that CA (and match the
    /// host name), ignoring the machine's trust store. The caller owns the certificates and the handler.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(X509Certificate2? clientCertificate = null, X509Certificate2? pinnedCaCertificate = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            EnableMultipleHttp2Connections = true,
            // Notices a node that vanished under a pooled HTTP/2 connection instead of waiting on it.
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            // Present our certificate even if the server's list of acceptable issuers does not name its CA.
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }
        if (pinnedCaCertificate is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback =
                (_, certificate, chain, errors) => ChainsToPinnedCa(certificate, chain, errors, pinnedCaCertificate);
        }
        return handler;
    }

    private static Google.Protobuf.Reflection.ServiceDescriptor StatsService => StatsCommandReflection.Descriptor.Services[0];

    private static Google.Protobuf.Reflection.ServiceDescriptor HandlerService => ProxymanCommandReflection.Descriptor.Services[0];

    private async Task AddUserAsync(
        XrayEndpoint endpoint, string inboundTag, string email, IMessage account, string credential, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var operation = new AddUserOperation
        {
            User = new User { Level = 0, Email = email, Account = XrayNames.Typed(endpoint.Flavor, account) },
        };
        try
        {
            await AlterInboundAsync(endpoint, inboundTag, operation, ct);
        }
        catch (XrayApiException e) when (e.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            // Already there: the wanted state.
        }
        catch (XrayApiException e) when (e.Message.Contains(credential, StringComparison.Ordinal))
        {
            // The core quotes a credential it cannot parse ("invalid UUID: …"): keep it out of logs.
            throw new XrayApiException(e.GrpcStatus, e.Message.Replace(credential, "<redacted>", StringComparison.Ordinal), e.InnerException);
        }
    }

    private async Task AlterInboundAsync(XrayEndpoint endpoint, string inboundTag, IMessage operation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(inboundTag);
        var request = new AlterInboundRequest { Tag = inboundTag, Operation = XrayNames.Typed(endpoint.Flavor, operation) };
        await GrpcUnary.CallAsync(
            http,
            endpoint,
            XrayNames.MethodPath(endpoint.Flavor, HandlerService, "AlterInbound"),
            request,
            AlterInboundResponse.Parser,
            ct);
    }

    private static bool TryParseUserCounter(string name, out string email, out bool isUplink)
    {
        email = string.Empty;
        isUplink = name.EndsWith(UplinkSuffix, StringComparison.Ordinal);
        var suffixLength = isUplink ? UplinkSuffix.Length
            : name.EndsWith(DownlinkSuffix, StringComparison.Ordinal) ? DownlinkSuffix.Length
            : -1;
        if (suffixLength < 0 || !name.StartsWith(UserCounterPrefix, StringComparison.Ordinal)
            || name.Length <= UserCounterPrefix.Length + suffixLength)
        {
            return false;
        }
        email = name[UserCounterPrefix.Length..^suffixLength];
        return true;
    }

    private static bool ChainsToPinnedCa(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2 ca)
    {
        // Chain errors are judged again below against the pinned CA; a missing certificate or a wrong host name is final.
        if (certificate is not X509Certificate2 leaf || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return chain.Build(leaf);
    }
}
