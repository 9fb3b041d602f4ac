using System.Globalization;
using AnomalyConnect.Grains.Nodes;
using Microsoft.Extensions.Configuration;

namespace AnomalyConnect.Silo.Configuration;

/// <summary>
/// Node polling and placement from the environment: NODE_POLL_INTERVAL_SECONDS (15), NODE_PROBE_TIMEOUT_SECONDS (5),
/// NODE_HEARTBEAT_SECONDS (3), NODE_FAILURE_THRESHOLD (3), PLACEMENT_MODE (least_loaded | all_nodes), and the mTLS identity toward nodes:
/// NODE_CLIENT_CERT, NODE_CLIENT_KEY, NODE_CA_CERT (PEM files).
/// </summary>
public static class NodeSettings
{
    public static (NodeOptions Options, NodeClientOptions Client) Read(IConfiguration configuration, List<string> problems)
    {
        var options = new NodeOptions();
        if (Seconds(configuration, "NODE_POLL_INTERVAL_SECONDS", problems) is { } poll)
        {
            options.PollInterval = poll;
        }
        if (Seconds(configuration, "NODE_PROBE_TIMEOUT_SECONDS", problems) is { } timeout)
        {
            options.ProbeTimeout = timeout;
        }
        if (Seconds(configuration, "NODE_HEARTBEAT_SECONDS", problems) is { } heartbeat)
        {
            options.HeartbeatInterval = heartbeat;
        }
        if (configuration["NODE_FAILURE_THRESHOLD"] is { Length: > 0 } threshold)
        {
            if (int.TryParse(threshold, CultureInfo.InvariantCulture, out var failures) && failures > 0)
            {
                options.FailureThreshold = failures;
            }
            else
            {
                problems.Add($"NODE_FAILURE_THRESHOLD must be a whole number of probes above 0; '{threshold}' is not.");
            }
        }
        switch (configuration["PLACEMENT_MODE"])
        {
            case null or "" or "least_loaded":
                break;
            case "all_nodes":
                options.Placement = PlacementMode.AllNodes;
                break;
            case var other:
                problems.Add($"PLACEMENT_MODE must be least_loaded or all_nodes; '{other}' is neither.");
                break;
        }
        var client = new NodeClientOptions
        {
            ClientCertificatePath = ExistingFile(configuration, "NODE_CLIENT_CERT", problems),
            ClientKeyPath = ExistingFile(configuration, "NODE_CLIENT_KEY", problems),
            CaCertificatePath = ExistingFile(configuration, "NODE_CA_CERT", problems),
        };
        return (options, client);
    }

    private static TimeSpan? Seconds(IConfiguration configuration, string name, List<string> problems)
    {
        if (configuration[name] is not { Length: > 0 } raw)
        {
            return null;
        }
        if (double.TryParse(raw, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        problems.Add($"{name} must be a number of seconds between 0 and 3600; '{raw}' is not.");
        return null;
    }

    private static string? ExistingFile(IConfiguration configuration, string name, List<string> problems)
    {
        if (configuration[name] is not { Length: > 0 } path)
        {
            return null;
        }
        if (!File.Exists(path))
        {
            problems.Add($"{name} points at '{path}', which does not exist.");
        }
        return path;
    }
}
