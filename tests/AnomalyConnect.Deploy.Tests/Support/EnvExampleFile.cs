using System.Text.RegularExpressions;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>
/// An env example file (.env.example): its variables, whether each is set or only shown commented out
/// (<c># NAME=value</c>), and whether a comment explains it.
/// </summary>
public sealed partial class EnvExampleFile
{
    private EnvExampleFile(IReadOnlyDictionary<string, EnvExampleVariable> variables) => Variables = variables;

    public IReadOnlyDictionary<string, EnvExampleVariable> Variables { get; }

    public static EnvExampleFile Load(string relativePath) => Parse(RepositoryFiles.Read(relativePath));

    public static EnvExampleFile Parse(string text)
    {
        var variables = new Dictionary<string, EnvExampleVariable>(StringComparer.Ordinal);
        var explained = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                explained = false;
                continue;
            }
            var set = SetVariable().Match(line);
            var commented = CommentedVariable().Match(line);
            if (set.Success || commented.Success)
            {
                var match = set.Success ? set : commented;
                variables[match.Groups["name"].Value] = new EnvExampleVariable(
                    match.Groups["name"].Value, match.Groups["value"].Value, IsSet: set.Success, HasComment: explained);
                continue;
            }
            explained = line.StartsWith('#');
        }
        return new EnvExampleFile(variables);
    }

    [GeneratedRegex(@"^(?<name>[A-Z][A-Z0-9_]*)=(?<value>.*)$")]
    private static partial Regex SetVariable();

    [GeneratedRegex(@"^#\s*(?<name>[A-Z][A-Z0-9_]*)=(?<value>\S*)$")]
    private static partial Regex CommentedVariable();
}
