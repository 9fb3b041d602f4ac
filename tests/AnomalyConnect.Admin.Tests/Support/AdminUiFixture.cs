using AnomalyConnect.Testing;
using Microsoft.Playwright;

namespace AnomalyConnect.Admin.Tests.Support;

/// <summary>
/// One real silo (polling nodes every second) with a real v2ray node beside it, and Debian's chromium driven by
/// Playwright (headless; the browser is the system's, never downloaded).
/// </summary>
public sealed class AdminUiFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public NodeTestBed Bed { get; private set; } = null!;

    public AnomalyConnect.Testing.V2ray.V2rayServerNode Node { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bed = await NodeTestBed.StartAsync();
        Node = await Bed.StartNodeAsync();
        // The whole suite may run beside other test projects on two cores: be patient rather than flaky.
        Assertions.SetDefaultExpectTimeout(15_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) pointed at the silo.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Bed.Silo.BaseAddress.ToString();
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Bed.DisposeAsync();
    }
}
