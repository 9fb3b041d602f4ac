using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AnomalyConnect.Subscriptions.Tests.Support;

/// <summary>
/// Reads YAML into plain values as mihomo's go-yaml resolves plain scalars (YAML 1.2 core schema): true/false → bool,
/// integers → long, anything quoted → string.
/// </summary>
internal static class ClashYaml
{
    public static Dictionary<string, object?> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Map(Convert(Assert.Single(stream.Documents).RootNode));
    }

    public static Dictionary<string, object?> Map(object? value) => Assert.IsType<Dictionary<string, object?>>(value);

    public static List<object?> List(object? value) => Assert.IsType<List<object?>>(value);

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => Convert(pair.Value)),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => Resolve(scalar),
        _ => throw new InvalidDataException($"unexpected node {node.NodeType}"),
    };

    private static object? Resolve(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return text;
        }
        return text switch
        {
            "" or "~" or "null" => null,
            "true" => true,
            "false" => false,
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            _ => text,
        };
    }
}
