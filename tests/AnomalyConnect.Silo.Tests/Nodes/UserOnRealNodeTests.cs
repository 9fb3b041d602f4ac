using AnomalyConnect.Testing;

namespace AnomalyConnect.Silo.Tests.Nodes;

/// <summary>Users pushed to a real v2ray node: connect, count, limit, disable, enable, resync after a restart.</summary>
public sealed class UserOnRealNodeTests
{
    [Fact]
    public async Task User_OnARealNode_ConnectsIsCountedLimitedDisabledEnabledAndResyncedAfterARestart()
    {
        await using var bed = await NodeTestBed.StartAsync();
        var node = await bed.StartNodeAsync();
        await bed.RegisterAsync("node-a", node);
        var (userId, uuid) = await bed.CreateUserAsync();

        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: true), "a new user could not connect through the node");

        // Traffic shows in the user's usage within two poll intervals (1 s each here), counted once.
        Assert.True(await Eventually.TrueAsync(
            async () => (await bed.UserAsync(userId))["used_download_bytes"]!.GetValue<long>() >= NodeTestBed.PageBytes,
            TimeSpan.FromSeconds(5)), "the traffic did not reach the user's usage");
        var counted = (await bed.UserAsync(userId))["used_download_bytes"]!.GetValue<long>();
        await Task.Delay(TimeSpan.FromSeconds(3)); // several more polls of the same cumulative counters
        Assert.Equal(counted, (await bed.UserAsync(userId))["used_download_bytes"]!.GetValue<long>());
        Assert.InRange(counted, NodeTestBed.PageBytes, NodeTestBed.PageBytes * 2);

        await bed.Admin.PostAsync($"/admin/api/users/{userId}/traffic-limit", new { traffic_limit_bytes = NodeTestBed.PageBytes / 2 });
        Assert.True(await Eventually.TrueAsync(
            async () => (await bed.UserAsync(userId))["status"]!.GetValue<string>() == "limited", TimeSpan.FromSeconds(5)));
        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: false), "a limited user could still connect");

        await bed.Admin.PostAsync($"/admin/api/users/{userId}/traffic-limit", new { traffic_limit_bytes = (long?)null });
        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: true), "lifting the limit did not restore access");

        await bed.Admin.PostAsync($"/admin/api/users/{userId}/disable", new { reason = "test" });
        Assert.Equal("disabled", (await bed.UserAsync(userId))["status"]!.GetValue<string>());
        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: false), "a disabled user could still connect");

        await bed.Admin.PostAsync($"/admin/api/users/{userId}/enable");
        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: true), "an enabled user could not connect");

        await node.RestartEmptyAsync();
        Assert.True(await bed.EventuallyFetchAsync(node, uuid, expected: true), "the restarted node was not resynced");
    }

    [Fact]
    public async Task NodeFailure_MovesItsUsersToTheOtherNode_WhereTheyConnect()
    {
        await using var bed = await NodeTestBed.StartAsync();
        var first = await bed.StartNodeAsync();
        var second = await bed.StartNodeAsync();
        await bed.RegisterAsync("node-a", first);
        await bed.RegisterAsync("node-b", second);
        var users = new List<(string UserId, string Uuid)>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await bed.CreateUserAsync());
        }
        var onFirst = new List<(string UserId, string Uuid)>();
        foreach (var user in users)
        {
            var nodes = (await bed.UserAsync(user.UserId))["nodes"]!.AsArray();
            if (nodes.Any(n => n!["node_id"]!.GetValue<string>() == "node-a"))
            {
                onFirst.Add(user);
            }
        }
        Assert.InRange(onFirst.Count, 1, 3); // least-loaded placement spreads them over both nodes
        Assert.True(await bed.EventuallyFetchAsync(first, onFirst[0].Uuid, expected: true));

        first.Kill();

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            foreach (var user in onFirst)
            {
                var nodes = (await bed.UserAsync(user.UserId))["nodes"]!.AsArray();
                if (nodes.Any(n => n!["node_id"]!.GetValue<string>() != "node-b"))
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(20)), "the failed node's users were not moved");
        foreach (var user in onFirst)
        {
            Assert.True(await bed.EventuallyFetchAsync(second, user.Uuid, expected: true), $"{user.UserId} could not connect to the node it moved to");
        }
        var health = (await bed.Admin.GetAsync("/admin/api/nodes/node-a"))["health"]!.GetValue<string>();
        Assert.Equal("unhealthy", health);
    }
}
