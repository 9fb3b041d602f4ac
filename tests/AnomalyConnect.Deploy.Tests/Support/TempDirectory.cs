namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>
/// A fresh directory under /tmp, readable by everyone (nginx's workers run as an unprivileged user), deleted when disposed.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    private const UnixFileMode Traversable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public TempDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
        File.SetUnixFileMode(Path, Traversable);
    }

    public string Path { get; }

    /// <summary>A path inside, its parent directories created (and left traversable).</summary>
    public string Combine(string relativePath)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }

    public string CreateDirectory(string relativeOrFullPath)
    {
        var full = System.IO.Path.Combine(Path, relativeOrFullPath);
        var info = Directory.CreateDirectory(full);
        for (var current = info; current is not null && current.FullName.Length > Path.Length; current = current.Parent)
        {
            File.SetUnixFileMode(current.FullName, Traversable);
        }
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
