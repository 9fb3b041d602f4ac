using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Admin.Tests;

/// <summary>A bulk action is durable background work: killing the silo midway loses nothing and repeats nothing.</summary>
public sealed class BulkActionRestartTests
{
    private const int Users = 200;

    // Slow the job down (10 users a turn, 10 in flight) so that it is surely midway when the silo dies; short leases
    // and cluster check-ins so that the restarted silo takes over the dead one's work quickly.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["BulkJobs__PageSize"] = "10",
        ["BulkJobs__MaxOutstanding"] = "10",
        ["GrainRuntime__OutboxLease"] = "00:00:03",
        ["GrainRuntime__ClusterCheckinInterval"] = "00:00:01",
        ["GrainRuntime__ClusterCheckinMisfireThreshold"] = "00:00:03",
    };

    [Fact]
    public async Task BulkExtend_WhenTheSiloIsKilledMidway_ResumesAfterARestartAndExtendsEachUserExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await SiloProcess.StartAsync(database, "silo-bulk-1", Settings);
        var tag = "restart" + Guid.NewGuid().ToString("N")[..6];
        var before = new Dictionary<string, DateTimeOffset>();
        using (var admin = new AdminClient(first.BaseAddress))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                var user = await admin.PostAsync("/admin/api/users", new { days = 10, display_name = $"{tag} {i}" });
                lock (before)
                {
                    before[user["user_id"]!.GetValue<string>()] = user["expires_at"]!.GetValue<DateTimeOffset>();
                }
            });
            var bystander = (await admin.PostAsync("/admin/api/users", new { days = 10, display_name = "not in the filter" }))["user_id"]!.GetValue<string>();

            using var started = await admin.Http.PostAsJsonAsync("/admin/api/bulk-actions",
                new { filter = new { query = tag }, action = new { type = "extend", days = 30 } }, AdminClient.Json);
            var jobId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();

            Assert.True(await Eventually.TrueAsync(async () => (await admin.GetAsync($"/admin/api/bulk-actions/{jobId}"))["processed"]!.GetValue<long>() >= 40,
                TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50)), "The bulk job did not get going.");
            first.Kill();
            var processedAtKill = await database.ScalarAsync<long>(
                "SELECT (state->>'processed')::bigint FROM grain_state WHERE grain_type = 'bulk-job' AND grain_key = $1", jobId);
            Assert.InRange(processedAtKill, 40, Users - 1);

            await using var second = await SiloProcess.StartAsync(database, "silo-bulk-2", Settings);
            using var restarted = new AdminClient(second.BaseAddress);
            JsonNode job = null!;
            Assert.True(await Eventually.TrueAsync(async () =>
            {
                job = await restarted.GetAsync($"/admin/api/bulk-actions/{jobId}");
                return job["status"]!.GetValue<string>() == "completed";
            }, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(250)), $"The bulk job did not finish after the restart: {job}");

            Assert.Equal(Users, job["matched"]!.GetValue<long>());
            Assert.Equal(Users, job["enqueued"]!.GetValue<long>());
            Assert.Equal(Users, job["processed"]!.GetValue<long>());
            Assert.Equal(Users, job["changed"]!.GetValue<long>());
            foreach (var (userId, expiresAt) in before)
            {
                var user = await restarted.GetAsync($"/admin/api/users/{userId}");
                Assert.Equal(expiresAt.AddDays(30), user["expires_at"]!.GetValue<DateTimeOffset>());
            }
            Assert.Equal(Users, await database.ScalarAsync<long>(
                "SELECT count(DISTINCT subject_id) FROM audit_log WHERE action = 'user.extend' AND actor_reference = $1", "bulk-job:" + jobId));
            Assert.Equal(Users, await database.ScalarAsync<long>(
                "SELECT count(*) FROM audit_log WHERE action = 'user.extend' AND actor_reference = $1", "bulk-job:" + jobId));
            Assert.Equal(Users, await database.ScalarAsync<long>("SELECT count(*) FROM bulk_job_items WHERE job_id = $1", jobId));
            Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'user.extend'", bystander));
            Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE kind = 'bulk.apply'"));
        }
    }
}
