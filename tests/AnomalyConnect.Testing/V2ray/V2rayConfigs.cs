using System.Text.Json.Nodes;

namespace AnomalyConnect.Testing.V2ray;

/// <summary>The v2ray 4.x configs of the harness (the shapes of notes/xray-api.md), on 127.0.0.1 only.</summary>
internal static class V2rayConfigs
{
    public static string Server(int apiPort, string apiInboundTag, int vlessPort, string vlessInboundTag) => new JsonObject
    {
        ["log"] = new JsonObject { ["loglevel"] = "warning" },
        ["api"] = new JsonObject { ["tag"] = "api", ["services"] = new JsonArray("HandlerService", "StatsService") },
        ["stats"] = new JsonObject(),
        ["policy"] = new JsonObject
        {
            ["levels"] = new JsonObject
            {
                ["0"] = new JsonObject { ["statsUserUplink"] = true, ["statsUserDownlink"] = true },
            },
        },
        ["inbounds"] = new JsonArray(
            new JsonObject
            {
                ["tag"] = apiInboundTag,
                ["listen"] = "127.0.0.1",
                ["port"] = apiPort,
                ["protocol"] = "dokodemo-door",
                ["settings"] = new JsonObject { ["address"] = "127.0.0.1" },
            },
            new JsonObject
            {
                ["tag"] = vlessInboundTag,
                ["listen"] = "127.0.0.1",
                ["port"] = vlessPort,
                ["protocol"] = "vless",
                ["settings"] = new JsonObject { ["clients"] = new JsonArray(), ["decryption"] = "none" },
                ["streamSettings"] = new JsonObject { ["network"] = "tcp" },
            }),
        ["outbounds"] = new JsonArray(new JsonObject { ["tag"] = "direct", ["protocol"] = "freedom", ["settings"] = new JsonObject() }),
        ["routing"] = new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["type"] = "field",
                ["inboundTag"] = new JsonArray(apiInboundTag),
                ["outboundTag"] = "api",
            }),
        },
    }.ToJsonString();

    public static string VlessClient(int socksPort, int serverPort, string uuid) => new JsonObject
    {
        ["log"] = new JsonObject { ["loglevel"] = "warning" },
        ["inbounds"] = new JsonArray(new JsonObject
        {
            ["tag"] = "socks-in",
            ["listen"] = "127.0.0.1",
            ["port"] = socksPort,
            ["protocol"] = "socks",
            ["settings"] = new JsonObject { ["auth"] = "noauth", ["udp"] = false },
        }),
        ["outbounds"] = new JsonArray(new JsonObject
        {
            ["tag"] = "vless-out",
            ["protocol"] = "vless",
            ["settings"] = new JsonObject
            {
                ["vnext"] = new JsonArray(new JsonObject
                {
                    ["address"] = "127.0.0.1",
                    ["port"] = serverPort,
                    ["users"] = new JsonArray(new JsonObject { ["id"] = uuid, ["encryption"] = "none" }),
                }),
            },
            ["streamSettings"] = new JsonObject { ["network"] = "tcp" },
        }),
    }.ToJsonString();
}
