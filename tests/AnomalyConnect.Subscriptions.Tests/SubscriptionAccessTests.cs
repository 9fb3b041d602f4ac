using System.Net;
using System.Text.Json;
using AnomalyConnect.Integrations.Links;
using AnomalyConnect.Subscriptions.Tests.Support;

namespace AnomalyConnect.Subscriptions.Tests;

/// <summary>Who gets a subscription, and who gets one without working links, against a real silo.</summary>
[Collection(SubscriptionSiloCollection.Name)]
public sealed class SubscriptionAccessTests(SubscriptionSilo silo)
{
    [Fact]
    public async Task GetSubscription_WhenTheTokenIsUnknown_Returns404ProblemDetails()
    {
        using var response = await silo.Subscriptions.FetchAsync("AbCdEfGhIjKlMnOpQrStUvWxYz012345");

        await AssertNotFoundProblemAsync(response);
    }

    [Fact]
    public async Task GetSubscription_WhenTheTokenWasRevoked_Returns404AndTheNewTokenServesNewCredentials()
    {
        var user = await silo.CreateUserAsync();
        var (oldUuid, _) = await silo.CredentialsAsync(user.UserId);

        var revoked = await silo.Admin.ActAsync(user.UserId, "revoke");
        using var old = await silo.Subscriptions.FetchAsync(user.Token);
        var links = await silo.Subscriptions.FetchLinksAsync(revoked.Token);

        await AssertNotFoundProblemAsync(old);
        Assert.NotEqual(user.Token, revoked.Token);
        var (newUuid, _) = await silo.CredentialsAsync(user.UserId);
        Assert.All(links.OfType<VlessRealityLink>(), link => Assert.Equal(newUuid, link.Uuid));
        Assert.NotEqual(oldUuid, newUuid);
    }

    [Fact]
    public async Task GetSubscription_WhenTheUserIsDisabled_ServesTheStatusNoteAndNoWorkingLinks()
    {
        var user = await silo.CreateUserAsync();
        var (uuid, auth) = await silo.CredentialsAsync(user.UserId);
        await silo.Admin.ActAsync(user.UserId, "disable");

        using var base64 = await silo.Subscriptions.FetchAsync(user.Token, format: "base64");
        using var clash = await silo.Subscriptions.FetchAsync(user.Token, format: "clash");
        var links = SubscriptionClient.ParseBase64(await base64.Content.ReadAsStringAsync());
        var clashBody = await clash.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, base64.StatusCode);
        var placeholder = Assert.IsType<VlessRealityLink>(Assert.Single(links));
        Assert.Equal(("127.0.0.1", 1), (placeholder.Host, placeholder.Port));
        Assert.Contains("disabled", placeholder.Name, StringComparison.OrdinalIgnoreCase);
        var proxy = ClashYaml.Map(Assert.Single(ClashYaml.List(ClashYaml.Parse(clashBody)["proxies"])));
        Assert.Contains("disabled", (string)proxy["name"]!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(uuid, clashBody, StringComparison.Ordinal);
        Assert.DoesNotContain(auth, clashBody, StringComparison.Ordinal);
        Assert.True(base64.Headers.Contains("subscription-userinfo"));
    }

    [Fact]
    public async Task GetSubscription_WhenTheUserIsEnabledAgain_ServesWorkingLinksAgain()
    {
        var user = await silo.CreateUserAsync();
        await silo.Admin.ActAsync(user.UserId, "disable");
        await silo.Admin.ActAsync(user.UserId, "enable");

        var links = await silo.Subscriptions.FetchLinksAsync(user.Token);

        Assert.Equal(4, links.Count);
    }

    private static async Task AssertNotFoundProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }
}
