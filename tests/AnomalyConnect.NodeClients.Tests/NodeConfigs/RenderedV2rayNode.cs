using System.Diagnostics;
using System.Text;
using AnomalyConnect.Integrations.Xray;
using AnomalyConnect.Testing;

namespace AnomalyConnect.NodeClients.Tests.NodeConfigs;

/// <summary>
/// Debian's v2ray running a config the generator rendered, ready once its API answers through the config's own
/// api inbound. Disposing kills it and deletes its directory.
/// </summary>
internal sealed class RenderedV2rayNode : IAsyncDisposable
{
    private readonly DirectoryInfo directory;
    private readonly Process process;
    private readonly StringBuilder output = new();

    private RenderedV2rayNode(DirectoryInfo directory, Process process, XrayEndpoint endpoint)
    {
        this.directory = directory;
        this.process = process;
        Endpoint = endpoint;
    }

    public XrayEndpoint Endpoint { get; }

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

    public static async Task<RenderedV2rayNode> StartAsync(string configJson, int apiPort, XrayApiClient api, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("rendered-v2ray-");
        var configPath = Path.Combine(directory.FullName, "config.json");
        await File.WriteAllTextAsync(configPath, configJson, ct);
        var startInfo = new ProcessStartInfo(V2rayConfigTest.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory.FullName,
        };
        startInfo.ArgumentList.Add("-config");
        startInfo.ArgumentList.Add(configPath);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start v2ray.");
        var node = new RenderedV2rayNode(directory, process, new XrayEndpoint(new Uri($"http://127.0.0.1:{apiPort}"), XrayFlavor.V2ray));
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var ready = await Eventually.TrueAsync(
            async () => process.HasExited || await AnswersAsync(api, node.Endpoint, ct),
            TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(50));
        if (!ready || process.HasExited)
        {
            var printed = node.Output;
            await node.DisposeAsync();
            throw new InvalidOperationException($"v2ray did not serve the rendered config's API on 127.0.0.1:{apiPort}. Output:\n{printed}");
        }
        return node;
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> AnswersAsync(XrayApiClient api, XrayEndpoint endpoint, CancellationToken ct)
    {
        try
        {
            await api.GetSystemStatsAsync(endpoint, ct);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }
}
