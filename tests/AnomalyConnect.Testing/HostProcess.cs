using System.Diagnostics;
using System.Text;

namespace AnomalyConnect.Testing;

/// <summary>
/// A real process of ours (a silo, a test host) started with <c>dotnet app.dll</c> on a loopback port.
/// Disposing kills it; <see cref="Kill"/> is <c>kill -9</c>.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

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

    /// <summary>Starts the assembly and waits until <c>/healthz</c> answers.</summary>
    public static async Task<HostProcess> StartAsync(string assemblyPath, IReadOnlyDictionary<string, string> environment, TimeSpan? startupTimeout = null)
    {
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(assemblyPath);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {assemblyPath}.");
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var ready = await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
            {
                return true;
            }
            try
            {
                return (await http.GetAsync("/healthz")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, startupTimeout ?? TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        if (!ready || process.HasExited)
        {
            // Let the asynchronous readers drain what the process printed before it died.
            process.WaitForExit(5_000);
            await host.DisposeAsync();
            throw new InvalidOperationException($"{Path.GetFileName(assemblyPath)} did not become healthy. Output:\n{host.Output}");
        }
        return host;
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> would: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
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
            output.AppendLine(line);
        }
    }
}
