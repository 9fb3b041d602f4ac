using AnomalyConnect.Testing;

namespace AnomalyConnect.Silo.Tests.Nodes;

/// <summary>A restarted node core is noticed by the uptime heartbeat between polls, not at the next poll.</summary>
public sealed class NodeHeartbeatTests
{
    [Fact]
    public async Task RestartedNode_WithItsNextPollAnHourAway_IsResyncedWithinSecondsByTheHeartbeat()
    {
        await using var bed = await NodeTestBed.StartAsync(new Dictionary<string, string>
        {
            ["NODE_POLL_INTERVAL_SECONDS"] = "60",
            ["NODE_HEARTBEAT_SECONDS"] = "1",
        });
        var node = await bed.StartNodeAsync();
        // Registration polls the node at once; its core must have been up longer than it will be when the heartbeat
        // asks after the restart, or the lower uptime could not tell the restart apart.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await bed.RegisterAsync("node-a", node);
        var (_, uuid) = await bed.CreateUserAsync();
        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: true), "a new user could not connect through the node");
        Assert.True(await Eventually.TrueAsync(
            async () => await bed.Database.ScalarAsync<long>(
                "SELECT coalesce((state->>'last_core_uptime_seconds')::bigint, 0) FROM grain_state WHERE grain_type = 'node' AND grain_key = 'node-a'") >= 5,
            TimeSpan.FromSeconds(30)), "the first poll did not record the core's uptime");

        // No poll from here on: the next one is moved an hour ahead, so only the heartbeat can notice the restart.
        await bed.Database.ScalarAsync<long>(
            "WITH moved AS (UPDATE grain_timers SET due_at = now() + interval '1 hour' WHERE grain_type = 'node' AND grain_key = 'node-a' AND timer_name = 'tick' RETURNING 1) SELECT count(*) FROM moved");
        Assert.True(await Eventually.TrueAsync(
            async () => await bed.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE kind = 'node.tick'") == 0,
            TimeSpan.FromSeconds(30)), "a poll queued before the pause was not delivered");

        await node.RestartEmptyAsync();

        // The next poll is an hour away, so any bound far below that proves the heartbeat; 45 s leaves room for a machine
        // loaded by the other test suites running beside this one (timers have been seen up to 15 s late then).
        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: true, seconds: 45), "the restarted node was not resynced before the next poll");
        Assert.Equal(1, await bed.Database.ScalarAsync<long>(
            "SELECT count(*) FROM grain_timers WHERE grain_type = 'node' AND grain_key = 'node-a' AND timer_name = 'tick' AND due_at > now() + interval '30 minutes'"));
    }
}
