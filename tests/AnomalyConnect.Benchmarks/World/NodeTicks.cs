namespace AnomalyConnect.Benchmarks.World;

/// <summary>
/// Pauses and resumes the silos' polling of nodes by moving the node grains' tick timers an hour ahead, then back to
/// now. A timer the sweep already loaded no longer matches its row and does not fire, so nothing polls in between.
/// </summary>
public static class NodeTicks
{
    /// <summary>Pauses the ticks of one node, or of every node when <paramref name="nodeId"/> is null, and waits for ticks in flight.</summary>
    public static async Task PauseAsync(BenchWorld world, string? nodeId = null)
    {
        await world.Db.ExecuteAsync(
            "UPDATE grain_timers SET due_at = now() + interval '1 hour' WHERE grain_type = 'node' AND timer_name = 'tick' AND ($1 = '' OR grain_key = $1)",
            nodeId ?? "");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await world.Db.WaitForZeroAsync("SELECT count(*) FROM outbox WHERE kind = 'node.tick'", TimeSpan.FromSeconds(60));
        // A probe handed to the node grain just before is counted in its turn: give it time to commit.
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    public static Task ResumeAsync(BenchWorld world, string? nodeId = null) =>
        world.Db.ExecuteAsync(
            "UPDATE grain_timers SET due_at = now() WHERE grain_type = 'node' AND timer_name = 'tick' AND ($1 = '' OR grain_key = $1)",
            nodeId ?? "");
}
