namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>
/// What the nginx image's template step does (<c>envsubst</c> restricted to the variables it is given): replaces
/// <c>${NAME}</c> and <c>$NAME</c> of those variables only, leaving nginx's own <c>$variables</c> alone.
/// </summary>
public static class Envsubst
{
    public static string Render(string template, IReadOnlyDictionary<string, string> variables)
    {
        var text = template;
        foreach (var (name, value) in variables.OrderByDescending(v => v.Key.Length))
        {
            text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
            text = System.Text.RegularExpressions.Regex.Replace(text, @"\$" + name + @"(?![A-Za-z0-9_])", value.Replace("$", "$$", StringComparison.Ordinal));
        }
        return text;
    }
}
