using System.Diagnostics;
using System.Net.Sockets;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>Debian's nginx running a prefix's config in the foreground; disposing kills it and its workers.</summary>
public sealed class NginxServer : IDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly NginxPrefix prefix;

    private NginxServer(Process process, NginxPrefix prefix)
    {
        this.process = process;
        this.prefix = prefix;
    }

    /// <summary>Starts nginx and returns once every one of <paramref name="ports"/> accepts connections on 127.0.0.1.</summary>
    public static async Task<NginxServer> StartAsync(NginxPrefix prefix, params int[] ports)
    {
        var startInfo = new ProcessStartInfo(RequiredTools.Nginx)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-p", prefix.Root + "/", "-c", prefix.PathFor(NginxPrefix.MainConfig), "-e", prefix.PathFor("/var/log/nginx/startup.log"), "-g", "daemon off;" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start nginx.");
        var server = new NginxServer(process, prefix);
        var ready = await Eventually.TrueAsync(
            async () => process.HasExited || await AllAcceptAsync(ports),
            ReadyWithin,
            TimeSpan.FromMilliseconds(50));
        if (!ready || process.HasExited)
        {
            var log = server.Log();
            server.Dispose();
            throw new InvalidOperationException($"nginx did not start listening on {string.Join(", ", ports)}:\n{log}");
        }
        return server;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
    }

    private string Log()
    {
        var parts = new[] { prefix.PathFor("/var/log/nginx/startup.log"), prefix.ErrorLog }
            .Where(File.Exists)
            .Select(File.ReadAllText);
        return string.Join("\n", parts);
    }

    private static async Task<bool> AllAcceptAsync(IEnumerable<int> ports)
    {
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return false;
            }
        }
        return true;
    }
}
