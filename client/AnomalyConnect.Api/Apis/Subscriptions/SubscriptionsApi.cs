using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>
/// <c>GET|HEAD /sub/{token}</c> (DESIGN.md §4): the subscription in the format <c>?format=</c> or the User-Agent
/// asks for, with the headers apps read; <c>GET /sub/{token}/info</c>; and the admin's device endpoints.
/// A fetch reads the user from memory (<see cref="ISubscriptionUsers"/>) and, when the app sends <c>x-hwid</c>,
/// reads its devices; nodes come from a cache, and the fetch log is written in batches off the request.
/// </summary>
public static class SubscriptionsApi
{
    public const string HwidHeader = "x-hwid";
    public const string DeviceOsHeader = "x-device-os";
    public const string DeviceModelHeader = "x-device-model";

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder routes)
    {
        // Built here rather than registered in AddFrontEnd so that wiring subscriptions in is this one call; an
        // unusable SUBSCRIPTION_RULES_FILE stops start-up here, before the process serves anything.
        var settings = SubscriptionSettings.Read(routes.ServiceProvider.GetRequiredService<IConfiguration>());
        var endpoint = ActivatorUtilities.CreateInstance<SubscriptionEndpoint>(routes.ServiceProvider, settings);

        var subscriptions = routes.MapGroup("/sub");
        subscriptions.MapMethods("/{token}", [HttpMethods.Get, HttpMethods.Head],
            (string token, string? format, HttpContext http) => ServeAsync(token, format, http, endpoint));
        subscriptions.MapGet("/{token}/info", (string token, HttpContext http) => InfoAsync(token, http, endpoint));
        routes.MapAdminDevicesApi();
        return routes;
    }

    public static async Task<IResult> ServeAsync(string token, string? format, HttpContext http, SubscriptionEndpoint endpoint)
    {
        var request = http.Request;
        var choice = endpoint.Settings.Rules.Choose(format, request.Headers.UserAgent);
        if (!choice.IsValid)
        {
            return Problems.BadRequest(choice.Error!);
        }
        if (await endpoint.FindUserAsync(token, http.RequestAborted) is not { } user)
        {
            return NoSuchSubscription();
        }
        // HEAD asks for the headers only; it neither takes a device slot nor counts as a fetch.
        var decision = HttpMethods.IsHead(request.Method)
            ? DeviceDecision.NoDevice
            : await endpoint.Grains.GetGrain<IUserDevicesGrain>(user.UserId).RegisterFetchAsync(new DeviceFetch(
                request.Headers[HwidHeader], request.Headers[DeviceOsHeader], request.Headers[DeviceModelHeader],
                request.Headers.UserAgent, http.Connection.RemoteIpAddress?.ToString(), user.DeviceLimit));
        var note = SubscriptionStatusNotes.For(user, decision, endpoint.Clock.GetUtcNow());
        var document = new SubscriptionDocument
        {
            ProfileTitle = endpoint.Settings.ProfileTitle,
            Proxies = note is null ? SubscriptionProxies.For(user, await endpoint.Nodes.GetAsync(http.RequestAborted)) : [],
            Usage = new SubscriptionUsage(user.UsedUploadBytes, user.UsedDownloadBytes, user.TrafficLimitBytes ?? 0, user.ExpiresAt),
            SupportUrl = endpoint.Settings.SupportUrl,
            SubscriptionUrl = endpoint.UrlOf(token),
            UpdateIntervalHours = endpoint.Settings.UpdateIntervalHours,
            StatusNote = note,
        };
        var rendered = SubscriptionRenderer.Render(document, choice.Format);
        foreach (var (name, value) in SubscriptionHeaders.For(document, choice.Format))
        {
            http.Response.Headers[name] = value;
        }
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Vary = HeaderNames.UserAgent;
        // Kestrel sends a HEAD answer's headers (Content-Length included) and drops its body.
        return TypedResults.Bytes(rendered.Body, rendered.ContentType);
    }

    public static async Task<Results<Ok<SubscriptionInfoResponse>, ProblemHttpResult>> InfoAsync(string token, HttpContext http, SubscriptionEndpoint endpoint)
    {
        if (await endpoint.FindUserAsync(token, http.RequestAborted) is not { } user)
        {
            return NoSuchSubscription();
        }
        var devices = await endpoint.Grains.GetGrain<IUserDevicesGrain>(user.UserId).ListAsync();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SubscriptionInfoResponse(
            user.UserId, user.Status, user.ExpiresAt, user.UsedUploadBytes, user.UsedDownloadBytes, user.TrafficLimitBytes,
            devices.Count, user.DeviceLimit));
    }

    private static ProblemHttpResult NoSuchSubscription() =>
        Problems.NotFound("There is no subscription at this address; it may have been revoked. Ask the bot for a new link.");
}
