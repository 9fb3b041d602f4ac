using AnomalyConnect.Testing;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>The deployment files of this repository, by their path relative to its root.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = BuiltAssemblies.RepositoryRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath)
    {
        var path = PathOf(relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"{relativePath} is missing.", path);
    }
}
