using Microsoft.AspNetCore.Mvc;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>
/// What a node's server config needs beyond its registration, as query parameters; each has the default of the node
/// stack in deploy/node (API on 127.0.0.1:10085, stats on 127.0.0.1:9999, certificates under /etc/xray and /etc/hysteria).
/// </summary>
public sealed record NodeConfigQuery(
    [property: FromQuery(Name = "reality_dest")] string? RealityDest = null,
    [property: FromQuery(Name = "api_port")] int? ApiPort = null,
    [property: FromQuery(Name = "http_port")] int? HttpPort = null,
    [property: FromQuery(Name = "tls_cert")] string? TlsCert = null,
    [property: FromQuery(Name = "tls_key")] string? TlsKey = null,
    [property: FromQuery(Name = "listen")] string? Listen = null,
    [property: FromQuery(Name = "stats_listen")] string? StatsListen = null,
    [property: FromQuery(Name = "acme_domain")] string? AcmeDomain = null,
    [property: FromQuery(Name = "acme_email")] string? AcmeEmail = null,
    [property: FromQuery(Name = "masquerade_url")] string? MasqueradeUrl = null);
