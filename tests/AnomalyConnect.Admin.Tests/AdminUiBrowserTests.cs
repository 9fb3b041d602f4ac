using System.Globalization;
using System.Text.RegularExpressions;
using AnomalyConnect.Admin.Tests.Support;
using AnomalyConnect.Testing;
using Microsoft.Playwright;

namespace AnomalyConnect.Admin.Tests;

/// <summary>The admin UI in a real browser (Debian's chromium, headless) against a real silo and a real v2ray node.</summary>
public sealed class AdminUiBrowserTests(AdminUiFixture fixture) : IClassFixture<AdminUiFixture>
{
    [Fact]
    public async Task AdminUi_WhenAnAdminAddsANodeAndExtendsAUser_ShowsTheChangeAndAuditsIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var created = await fixture.Bed.Admin.PostAsync("/admin/api/users",
            new { days = 10, username = $"browser_{tag}", display_name = $"Browser Person {tag}", telegram_id = 770_000_000 + Random.Shared.Next(1_000_000) });
        var userId = created["user_id"]!.GetValue<string>();
        var expiresBefore = created["expires_at"]!.GetValue<DateTimeOffset>();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await AdminPageSteps.LogInAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        // Add the v2ray node through the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nodes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a node" }).ClickAsync();
        var nodeId = $"node-ui-{tag}";
        await page.Locator("input[name=id]").FillAsync(nodeId);
        await page.Locator("input[name=name]").FillAsync("Browser node");
        await page.Locator("input[name=region]").FillAsync("eu");
        await page.Locator("input[name=address]").FillAsync("127.0.0.1");
        await page.Locator("input[name=capacity]").FillAsync("50");
        await page.Locator("input[name=xray_api_url]").FillAsync(fixture.Node.ApiUrl.ToString());
        await page.Locator("select[name=xray_flavor]").SelectOptionAsync("v2ray");
        await page.Locator("input[name=xray_inbound_tag]").FillAsync(fixture.Node.InboundTag);
        await page.Locator("input[name=xray_port]").FillAsync(fixture.Node.VlessPort.ToString(CultureInfo.InvariantCulture));
        await page.Locator("select[name=xray_security]").SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add node" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Node {nodeId}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The node was added.")).ToBeVisibleAsync();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator(".badge.healthy").CountAsync() > 0;
        }, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)), "The node added in the UI never showed as healthy.");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download Xray config" }).ClickAsync());
        Assert.Equal($"{nodeId}-xray.json", download.SuggestedFilename);
        var config = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Contains(config["inbounds"]!.AsArray(), inbound => inbound!["tag"]!.GetValue<string>() == fixture.Node.InboundTag);

        // Find the user by @username and extend them by 30 days.
        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox).FillAsync($"@browser_{tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 users match.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = userId }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"User {userId}" })).ToBeVisibleAsync();
        await page.Locator("form[action$='/extend'] input[name=days]").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Extend", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("The term was extended.")).ToBeVisibleAsync();
        var user = await fixture.Bed.UserAsync(userId);
        var expiresAfter = user["expires_at"]!.GetValue<DateTimeOffset>();
        Assert.Equal(expiresBefore.AddDays(30), expiresAfter);
        var shown = expiresAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(shown);
        await Assertions.Expect(page.Locator("table.audit")).ToContainTextAsync("user.extend");
        await Assertions.Expect(page.Locator("table.audit")).ToContainTextAsync("admin: admin");

        // The audit log names who, what, when and from where.
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await page.Locator("input[name=action]").FillAsync("user.extend");
        await page.Locator("input[name=subject_id]").FillAsync(userId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var row = page.Locator("table.audit tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("admin: admin");
        await Assertions.Expect(row).ToContainTextAsync("127.0.0.1");
        await Assertions.Expect(row).ToContainTextAsync($"user {userId}");
        await Assertions.Expect(row).ToContainTextAsync("days=30");
        await page.GotoAsync($"/admin/audit?action=node.registered&subject_id={nodeId}");
        await Assertions.Expect(page.Locator("table.audit tbody tr").First).ToContainTextAsync("admin: admin");
        await page.GotoAsync($"/admin/audit?action=node.config_downloaded&subject_id={nodeId}");
        await Assertions.Expect(page.Locator("table.audit tbody tr").First).ToContainTextAsync("format=xray");
    }

    [Fact]
    public async Task AdminUi_WhenThePasswordIsWrong_RefusesTheLoginAndOpensNoSession()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await AdminPageSteps.LogInAsync(page, password: "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong login, password or code.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/login$"));
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "ac_admin_session");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/login"));
    }

    [Fact]
    public async Task AdminUi_WhenABulkActionStartsFromASearch_DisablesEveryMatchingUser()
    {
        var tag = "bulkui" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await fixture.Bed.Admin.PostAsync("/admin/api/users", new { days = 5, display_name = $"{tag} {i}" }))["user_id"]!.GetValue<string>());
        }
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await AdminPageSteps.LogInAsync(page);

        await page.GotoAsync($"/admin/users?query={tag}");
        await Assertions.Expect(page.GetByText("3 users match.")).ToBeVisibleAsync();
        await page.GetByText("Change every user this search finds").ClickAsync();
        await page.Locator("form[action='/admin/bulk'] select[name=action]").SelectOptionAsync("disable");
        await page.Locator("form[action='/admin/bulk'] input[name=reason]").FillAsync("bulk from the browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start bulk action" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk action" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".badge.completed")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#processed")).ToHaveTextAsync("3");
        foreach (var id in ids)
        {
            var user = await fixture.Bed.UserAsync(id);
            Assert.Equal("disabled", user["status"]!.GetValue<string>());
            Assert.Equal("bulk from the browser", user["disabled_reason"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task AdminUi_WhenOpenedOnAPhone_FitsTheScreenWidth()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await AdminPageSteps.LogInAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        foreach (var path in new[] { "/admin", "/admin/nodes", "/admin/users", "/admin/audit", "/admin/account", "/admin/nodes/new" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{path} is {overflow}px wider than a phone's screen.");
        }
    }
}
