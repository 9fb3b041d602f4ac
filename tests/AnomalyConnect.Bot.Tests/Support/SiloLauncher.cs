using System.Diagnostics;
using System.Text;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Bot.Tests.Support;

/// <summary>
/// The real silo executable on a port chosen before it starts (so BOT_WEBHOOK_URL can point at it, and a restart comes
/// back on the same address). <see cref="Kill"/> is <c>kill -9</c>: no shutdown code runs.
/// </summary>
public sealed class SiloLauncher : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private Process? process;

    /// <param name="environment">The silo's variables.</param>
    /// <param name="addressed">Variables that need the silo's own address (BOT_WEBHOOK_URL), added to <paramref name="environment"/>.</param>
    public SiloLauncher(IReadOnlyDictionary<string, string> environment, Func<Uri, IReadOnlyDictionary<string, string>>? addressed = null)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var all = new Dictionary<string, string>(environment);
        foreach (var (name, value) in addressed?.Invoke(BaseAddress) ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }
        this.environment = all;
    }

    public Uri BaseAddress { get; }

    public static string AssemblyPath => BuiltAssemblies.Find("silo/AnomalyConnect.Silo", "AnomalyConnect.Silo");

    /// <summary>Everything every run printed so far.</summary>
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

    /// <summary>Starts the silo (again) and waits until <c>/healthz</c> answers.</summary>
    public async Task StartAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("The silo is already running.");
        }
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        Append("---- silo starting ----");
        process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the silo.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var running = process;
        var ready = await Eventually.TrueAsync(async () =>
        {
            if (running.HasExited)
            {
                return true;
            }
            try
            {
                return (await http.GetAsync("/healthz")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200));
        if (!ready || running.HasExited)
        {
            Kill();
            throw new InvalidOperationException($"The silo did not become healthy. Output:\n{Output}");
        }
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> would.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            running.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
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
