using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>A docker compose file read with YamlDotNet, YAML merge keys (<c>&lt;&lt;: *anchor</c>) resolved as compose does.</summary>
public sealed partial class ComposeFile
{
    private ComposeFile(string text, Dictionary<object, object?> root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    public Dictionary<object, object?> Root { get; }

    public Dictionary<object, object?> Services => Map(Root, "services");

    public static ComposeFile Load(string relativePath)
    {
        var text = RepositoryFiles.Read(relativePath);
        var deserializer = new DeserializerBuilder().Build();
        var root = deserializer.Deserialize<Dictionary<object, object?>>(new MergingParser(new Parser(new StringReader(text))));
        return new ComposeFile(text, root);
    }

    public Dictionary<object, object?> Service(string name) =>
        Services.TryGetValue(name, out var service) && service is Dictionary<object, object?> map
            ? map
            : throw new Xunit.Sdk.XunitException($"The compose file has no service '{name}'.");

    /// <summary>The variables the file interpolates (<c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME:?error}</c>), not <c>$${…}</c>.</summary>
    public IReadOnlyList<ComposeVariable> Variables() =>
        Interpolation().Matches(Text)
            .Select(m => new ComposeVariable(m.Groups["name"].Value, HasFallback: m.Groups["op"].Value.EndsWith('-')))
            .ToList();

    public static Dictionary<object, object?> Map(Dictionary<object, object?> parent, string key) =>
        parent.TryGetValue(key, out var value) && value is Dictionary<object, object?> map
            ? map
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a mapping.");

    public static List<object?> List(Dictionary<object, object?> parent, string key) =>
        parent.TryGetValue(key, out var value) && value is List<object?> list
            ? list
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a list.");

    public static string Scalar(Dictionary<object, object?> parent, string key) =>
        parent.TryGetValue(key, out var value) && value is string text
            ? text
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a scalar.");

    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<op>:?[-?])?[^}]*\}")]
    private static partial Regex Interpolation();
}
