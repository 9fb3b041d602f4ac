using System.Net;
using System.Text.Json.Nodes;
using AnomalyConnect.Corporate.Tests.Support;

namespace AnomalyConnect.Corporate.Tests;

/// <summary>With CORPORATE_REGISTRY_ENFORCED, only registered ids get access; admins and HR events keep the registry, audited.</summary>
public sealed class RegistryTests(RegistryEnforcedSiloFixture fixture) : IClassFixture<RegistryEnforcedSiloFixture>
{
    private CorporateSilo Silo => fixture.Silo;

    [Fact]
    public async Task Grant_ForAnUnregisteredId_Is403AndCreatesNoUser()
    {
        var response = await Silo.GrantAsync(new { employee_id = "R-unregistered", days = 5 });

        await CorporateApiInputTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "not registered");
        Assert.Equal(0, await Silo.CountAsync("SELECT count(*) FROM grain_state WHERE grain_type = 'user' AND state->>'employee_id' = 'R-unregistered'"));
        Assert.Equal(0, await Silo.CountAsync("SELECT count(*) FROM grain_state WHERE grain_type = 'employee' AND grain_key = 'R-unregistered' AND state IS NOT NULL"));
        var refused = Assert.Single(await Silo.AuditAsync("employee", "R-unregistered"));
        Assert.Equal("employee.grant_refused", refused["action"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", refused["actor"]!["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task RegisteredByAnAdmin_IsGranted_AndRevokingDeactivatesAndRefusesTheNextGrant()
    {
        var registered = await PostOkAsync("/admin/api/corporate/registry", new { employee_id = "R-admin" });
        Assert.Equal(("registered", false), (registered["state"]!.GetValue<string>(), registered["is_active"]!.GetValue<bool>()));

        var grant = await Silo.GrantOkAsync(new { employee_id = "R-admin", days = 30 });
        var userId = grant["user_id"]!.GetValue<string>();

        var revoked = await PostOkAsync("/admin/api/corporate/registry/R-admin/revoke", null);
        Assert.Equal(("revoked", false), (revoked["state"]!.GetValue<string>(), revoked["is_active"]!.GetValue<bool>()));
        Assert.Equal("disabled", (await Silo.UserAsync(userId))["status"]!.GetValue<string>());
        await CorporateApiInputTests.AssertProblemAsync(await Silo.GrantAsync(new { employee_id = "R-admin" }), HttpStatusCode.Forbidden, "not registered");
        Assert.Equal("disabled", (await Silo.UserAsync(userId))["status"]!.GetValue<string>());

        var audit = await Silo.AuditAsync("employee", "R-admin");
        Assert.Equal(
            ["employee.grant_refused", "employee.access_deactivated", "employee.registry_revoked", "employee.access_granted", "employee.registry_registered"],
            audit.Select(e => e["action"]!.GetValue<string>()).ToArray());
        Assert.All(audit.Where(e => e["action"]!.GetValue<string>().StartsWith("employee.registry_", StringComparison.Ordinal)), e =>
        {
            Assert.Equal("admin", e["actor"]!["kind"]!.GetValue<string>());
            Assert.Equal("127.0.0.1", e["actor"]!["address"]!.GetValue<string>());
        });
        Assert.Equal("unregistered", audit[^1]["details"]!["previous"]!.GetValue<string>());
    }

    [Fact]
    public async Task HrEvents_KeepTheRegistry_HiredRegistersAndTerminatedRevokes()
    {
        var hiredAt = DateTimeOffset.UtcNow.AddMinutes(-10);

        Assert.Equal("applied", await Silo.HrEventAsync("reg-hired-1", "employee.hired", "R-hr", hiredAt, days: 90));
        var entry = await RegistryEntryAsync("R-hr", "registered");
        Assert.True(entry!["is_active"]!.GetValue<bool>());
        var grant = await Silo.GrantOkAsync(new { employee_id = "R-hr" });
        Assert.Equal(entry["user_id"]!.GetValue<string>(), grant["user_id"]!.GetValue<string>());

        Assert.Equal("applied", await Silo.HrEventAsync("reg-terminated-1", "employee.terminated", "R-hr", hiredAt.AddMinutes(5)));
        Assert.NotNull(await RegistryEntryAsync("R-hr", "revoked"));
        Assert.Null(await RegistryEntryAsync("R-hr", "registered"));
        await CorporateApiInputTests.AssertProblemAsync(await Silo.GrantAsync(new { employee_id = "R-hr" }), HttpStatusCode.Forbidden, "not registered");

        var audit = await Silo.AuditAsync("employee", "R-hr");
        var registeredBy = audit.Single(e => e["action"]!.GetValue<string>() == "employee.registry_registered")["actor"]!;
        Assert.Equal(("hr", "reg-hired-1", "employee.hired"), (registeredBy["kind"]!.GetValue<string>(), registeredBy["id"]!.GetValue<string>(), registeredBy["reference"]!.GetValue<string>()));
        var revokedBy = audit.Single(e => e["action"]!.GetValue<string>() == "employee.registry_revoked")["actor"]!;
        Assert.Equal(("hr", "reg-terminated-1"), (revokedBy["kind"]!.GetValue<string>(), revokedBy["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RegistryList_FiltersByStateAndPages()
    {
        for (var i = 0; i < 3; i++)
        {
            await PostOkAsync("/admin/api/corporate/registry", new { employee_id = $"R-list-{i}" });
        }
        await PostOkAsync("/admin/api/corporate/registry/R-list-1/revoke", null);

        var registered = await IdsAsync("/admin/api/corporate/registry?state=registered&page_size=500");
        var revoked = await IdsAsync("/admin/api/corporate/registry?state=revoked&page_size=500");
        Assert.Contains("R-list-0", registered);
        Assert.Contains("R-list-2", registered);
        Assert.DoesNotContain("R-list-1", registered);
        Assert.Contains("R-list-1", revoked);
        var first = await IdsAsync("/admin/api/corporate/registry?page=1&page_size=1");
        var second = await IdsAsync("/admin/api/corporate/registry?page=2&page_size=1");
        Assert.Single(first);
        Assert.Single(second);
        Assert.NotEqual(first[0], second[0]);
    }

    [Fact]
    public async Task AuditLog_RefusesChangesInTheDatabaseItself()
    {
        await PostOkAsync("/admin/api/corporate/registry", new { employee_id = "R-audit" });

        var update = await Record.ExceptionAsync(() => Silo.Database.ExecuteAsync("UPDATE audit_log SET actor_id = 'someone-else' WHERE subject_id = 'R-audit'"));
        var delete = await Record.ExceptionAsync(() => Silo.Database.ExecuteAsync("DELETE FROM audit_log WHERE subject_id = 'R-audit'"));

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.Equal("api-token", (await Silo.AuditAsync("employee", "R-audit"))[0]["actor"]!["id"]!.GetValue<string>());
    }

    private async Task<JsonObject> PostOkAsync(string path, object? body)
    {
        var response = await Silo.Admin.PostAsync(path, body is null ? null : CorporateSilo.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonNode?> RegistryEntryAsync(string employeeId, string state) =>
        (await Silo.AdminGetAsync($"/admin/api/corporate/registry?state={state}&page_size=500"))["employees"]!.AsArray()
            .FirstOrDefault(e => e!["employee_id"]!.GetValue<string>() == employeeId);

    private async Task<List<string>> IdsAsync(string path) =>
        [.. (await Silo.AdminGetAsync(path))["employees"]!.AsArray().Select(e => e!["employee_id"]!.GetValue<string>())];
}
