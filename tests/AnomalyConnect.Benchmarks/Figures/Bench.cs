using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>What every figure gets: the world it measures, the sizes, and the report to add its result to.</summary>
public sealed record Bench(BenchWorld World, BenchSettings Settings, Report Report)
{
    /// <summary>The users placed (active) on a node, with their VLESS UUIDs.</summary>
    public async Task<IReadOnlyList<(string UserId, string Uuid)>> UsersOnNodeAsync(string nodeId)
    {
        var rows = await World.Db.RowsAsync(
            """
            SELECT g.grain_key, g.state->>'vless_uuid' FROM user_placements p
            JOIN grain_state g ON g.grain_type = 'user' AND g.grain_key = p.user_id
            WHERE p.node_id = $1 AND p.active ORDER BY g.grain_key
            """, nodeId);
        return [.. rows.Select(r => (r[0], r[1]))];
    }

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/>, <paramref name="parallelism"/> at a time; counts the true answers.</summary>
    public static async Task<int> CountAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task<bool>> work)
    {
        var succeeded = 0;
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) =>
        {
            if (await work(item))
            {
                Interlocked.Increment(ref succeeded);
            }
        });
        return succeeded;
    }

    /// <summary>Fetches a 1 KiB page through the real node as the user: true when v2ray accepted the user's VLESS header.</summary>
    public Task<bool> FetchThroughRealNodeAsync(string uuid) =>
        VlessClient.FetchAsync(World.RealNode!.VlessPort, uuid, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, World.Web.Port), "/page?size=1024");
}
