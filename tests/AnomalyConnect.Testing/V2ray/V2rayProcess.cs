using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AnomalyConnect.Testing.V2ray;

/// <summary>One running <c>v2ray -config file.json</c>, its output kept (bounded) for failure messages.</summary>
internal sealed class V2rayProcess : IDisposable
{
    public const string Executable = "/usr/bin/v2ray";
    private const int MaxOutputChars = 64 * 1024;
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly StringBuilder output = new();

    private V2rayProcess(Process process) => this.process = process;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static V2rayProcess Start(string configPath)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: apt-get install -y v2ray.");
        }
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configPath)!,
        };
        startInfo.ArgumentList.Add("-config");
        startInfo.ArgumentList.Add(configPath);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var started = new V2rayProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public void Stop(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }
        _ = kill(process.Id, SigTerm);
        if (!process.WaitForExit(grace))
        {
            Kill();
        }
    }

    /// <summary>SIGKILL: the core dies at once, as in a crash.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            if (output.Length < MaxOutputChars)
            {
                output.AppendLine(line);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
