using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AnomalyConnect.Integrations.Tests.Subscriptions.Support;

/// <summary>
/// Parses YAML into plain values the way mihomo's go-yaml resolves untagged plain scalars (YAML 1.2 core schema):
/// true/false → bool, integers → long, null/~ → null, anything quoted → string.
/// </summary>
internal static partial class ClashYaml
{
    public static Dictionary<string, object?> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = Assert.Single(stream.Documents).RootNode;
        return Assert.IsType<Dictionary<string, object?>>(Convert(root));
    }

    public static Dictionary<string, object?> Map(object? value) => Assert.IsType<Dictionary<string, object?>>(value);

    public static List<object?> List(object? value) => Assert.IsType<List<object?>>(value);

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => Assert.IsType<string>(Convert(pair.Key)), pair => Convert(pair.Value)),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => Resolve(scalar),
        _ => throw new InvalidDataException($"unexpected node {node.NodeType}"),
    };

    private static object? Resolve(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
            return text;
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE")
            return true;
        if (text is "false" or "False" or "FALSE")
            return false;
        if (Integer().IsMatch(text))
            return long.Parse(text, CultureInfo.InvariantCulture);
        if (Float().IsMatch(text))
            return double.Parse(text, CultureInfo.InvariantCulture);
        return text;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
