namespace AnomalyConnect.Testing;

/// <summary>Finds the built output of another project of the repository, in the configuration the tests run in.</summary>
public static class BuiltAssemblies
{
    public static string Find(string projectDirectory, string assemblyName)
    {
        var root = RepositoryRoot();
        var testBin = AppContext.BaseDirectory; // …/tests/X/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(testBin.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(root, projectDirectory, "bin", configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{assemblyName}.dll is not built at {path}; build the solution first.", path);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AnomalyConnect.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("AnomalyConnect.sln not found above the test binaries.");
    }
}
