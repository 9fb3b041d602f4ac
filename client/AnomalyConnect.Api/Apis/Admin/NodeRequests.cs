using System.Text.Json.Serialization;
using AnomalyConnect.Api.Json;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>POST /admin/api/nodes (DESIGN.md §4).</summary>
public sealed record RegisterNodeRequest(
    string? Id, string? Name, string? Region, string? Address, int? Capacity, int? Priority,
    XrayRequest? Xray, Hysteria2Request? Hysteria2);

public sealed record XrayRequest(
    string? ApiUrl, string? Flavor, string? InboundTag, int? Port, string? Security, RealityRequest? Reality, string? HysteriaInboundTag);

public sealed record RealityRequest(string? PublicKey, string? ShortId, string? ServerName, string? Fingerprint, string? PrivateKey, string? SpiderX);

public sealed record Hysteria2Request(
    [property: JsonConverter(typeof(NumberOrStringConverter))] string? Port,
    string? StatsUrl, string? StatsSecret, string? ServerName, string? ObfsPassword, bool? Insecure);
