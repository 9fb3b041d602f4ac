using System.Diagnostics;
using AnomalyConnect.Benchmarks.Infrastructure;
using AnomalyConnect.Benchmarks.World;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>Brings the world to its users: node-1's through grants or seeding, then every node to its share by bulk COPY.</summary>
public static class Population
{
    /// <summary>When the grants figure did not run: node-1's users are seeded, then pushed by a resync the admin API asks for.</summary>
    public static async Task EnsureRealNodeUsersAsync(Bench bench)
    {
        var world = bench.World;
        var missing = bench.Settings.UsersPerNode - (await bench.UsersOnNodeAsync(BenchWorld.RealNodeId)).Count;
        if (missing <= 0)
        {
            return;
        }
        Report.Progress($"seeding {missing} users on {BenchWorld.RealNodeId} and asking for a resync to push them");
        await UserSeeder.SeedAsync(world.Db.DataSource, BenchWorld.RealNodeId, missing);
        await world.Admin.PostAsync($"/admin/api/nodes/{BenchWorld.RealNodeId}/resync");
        await Task.Delay(500);
        if (!await world.WaitForEmptyOutboxAsync(TimeSpan.FromMinutes(5)))
        {
            throw new InvalidOperationException("The resync of node-1 did not finish within 5 minutes.");
        }
    }

    /// <summary>node-2 … node-N as loopback gRPC nodes, each brought to its share of users by bulk COPY.</summary>
    public static async Task EnsureAllUsersAsync(Bench bench)
    {
        var world = bench.World;
        var clock = Stopwatch.StartNew();
        var seeded = 0;
        for (var n = 2; n <= bench.Settings.Nodes; n++)
        {
            var nodeId = $"node-{n}";
            var node = world.FakeNodes.TryGetValue(nodeId, out var existing) ? existing : await world.RegisterFakeNodeAsync(nodeId);
            var missing = bench.Settings.UsersPerNode - (await bench.UsersOnNodeAsync(nodeId)).Count;
            if (missing > 0)
            {
                var users = await UserSeeder.SeedAsync(world.Db.DataSource, nodeId, missing);
                node.Preload(users.Select(u => u.UserId));
                seeded += users.Count;
            }
        }
        var total = await world.Db.CountAsync("SELECT count(*) FROM grain_state WHERE grain_type = 'user'");
        Report.Progress($"seeded {seeded} users by COPY in {clock.Elapsed.TotalSeconds:0.0} s; {total} users on {bench.Settings.Nodes} nodes");
    }
}
