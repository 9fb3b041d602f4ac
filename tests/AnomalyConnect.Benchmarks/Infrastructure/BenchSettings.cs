using System.Globalization;

namespace AnomalyConnect.Benchmarks.Infrastructure;

/// <summary>
/// The sizes of the run. The defaults are the (10 nodes × 10,000 users = 100,000); environment variables
/// shrink them for a quick smoke run (the verdicts then say what size they were taken at).
/// </summary>
public sealed record BenchSettings
{
    public int UsersPerNode { get; init; } = Read("BENCH_USERS_PER_NODE", 10_000);

    public int Nodes { get; init; } = Read("BENCH_NODES", 10);

    public int GrantConcurrency { get; init; } = Read("BENCH_GRANT_CONCURRENCY", 32);

    public int WrkThreads { get; init; } = Read("BENCH_WRK_THREADS", 2);

    public int WrkConnections { get; init; } = Read("BENCH_WRK_CONNECTIONS", 32);

    public TimeSpan WrkDuration { get; init; } = TimeSpan.FromSeconds(Read("BENCH_WRK_SECONDS", 20));

    public int PollRounds { get; init; } = Read("BENCH_POLL_ROUNDS", 4);

    public int VlessConcurrency { get; init; } = Read("BENCH_VLESS_CONCURRENCY", 64);

    /// <summary>For the second scale-out figure: the share of one core each silo is held to, in percent.</summary>
    public int SiloCorePercent { get; init; } = Read("BENCH_SILO_CORE_PERCENT", 20);

    public int TotalUsers => UsersPerNode * Nodes;

    public string Describe() =>
        $"{Nodes} nodes × {UsersPerNode} users = {TotalUsers} users; grants {UsersPerNode} (scale-out 4 × {UsersPerNode / 2}, the silos held to {SiloCorePercent} % of a core in two of them) at {GrantConcurrency} concurrent; "
        + $"wrk -t{WrkThreads} -c{WrkConnections} -d{WrkDuration.TotalSeconds:0}s; {PollRounds} poll rounds of 15 s";

    private static int Read(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
