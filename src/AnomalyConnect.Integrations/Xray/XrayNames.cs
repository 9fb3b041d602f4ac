using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace AnomalyConnect.Integrations.Xray;

/// <summary>
/// Full proto names and method paths per flavor. Our .proto files use Xray's packages (<c>xray.…</c>);
/// v2ray 4.x has the same messages under <c>v2ray.core.…</c>.
/// </summary>
internal static class XrayNames
{
    private const string OurPrefix = "xray.";

    public static string Prefix(XrayFlavor flavor) => flavor switch
    {
        XrayFlavor.Xray => "xray.",
        XrayFlavor.V2ray => "v2ray.core.",
        _ => throw new ArgumentOutOfRangeException(nameof(flavor), flavor, "Unknown Xray flavor."),
    };

    /// <summary>The name the core knows a message by, e.g. <c>v2ray.core.proxy.vless.Account</c>.</summary>
    public static string TypeName(XrayFlavor flavor, MessageDescriptor descriptor) => Rebase(flavor, descriptor.FullName);

    /// <summary>The HTTP/2 path of a unary method, e.g. <c>/xray.app.stats.command.StatsService/QueryStats</c>.</summary>
    public static string MethodPath(XrayFlavor flavor, ServiceDescriptor service, string method)
    {
        var found = service.FindMethodByName(method)
            ?? throw new InvalidOperationException($"Method {method} is not declared on {service.FullName}.");
        return $"/{Rebase(flavor, service.FullName)}/{found.Name}";
    }

    public static Protos.Common.TypedMessage Typed(XrayFlavor flavor, IMessage message) => new()
    {
        Type = TypeName(flavor, message.Descriptor),
        Value = message.ToByteString(),
    };

    private static string Rebase(XrayFlavor flavor, string ourFullName) =>
        ourFullName.StartsWith(OurPrefix, StringComparison.Ordinal)
            ? Prefix(flavor) + ourFullName[OurPrefix.Length..]
            : throw new InvalidOperationException($"Proto {ourFullName} is not in the xray package.");
}
