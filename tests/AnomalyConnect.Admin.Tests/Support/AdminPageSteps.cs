using AnomalyConnect.Testing;
using Microsoft.Playwright;

namespace AnomalyConnect.Admin.Tests.Support;

/// <summary>What a person does in the admin UI, as Playwright steps.</summary>
internal static class AdminPageSteps
{
    /// <summary>The first run's account: "admin" with API_SECRET_KEY as its password.</summary>
    public static async Task LogInAsync(IPage page, string login = "admin", string? password = null)
    {
        await page.GotoAsync("/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login"));
        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password ?? SiloProcess.AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }
}
