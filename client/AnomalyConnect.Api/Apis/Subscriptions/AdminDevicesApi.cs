using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Contracts.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis.Subscriptions;

/// <summary>A user's devices and recent subscription fetches under <c>/admin/api/users/{user_id}</c>.</summary>
public static class AdminDevicesApi
{
    public static IEndpointRouteBuilder MapAdminDevicesApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/admin/api/users/{userId}").AddEndpointFilter<AdminTokenFilter>();
        users.MapGet("/devices", ListAsync);
        users.MapDelete("/devices/{hwid}", RemoveAsync);
        users.MapGet("/subscription-fetches", FetchesAsync);
        return routes;
    }

    public static async Task<Results<Ok<UserDevicesResponse>, ProblemHttpResult>> ListAsync(string userId, IGrainFactory grains)
    {
        if (await grains.GetGrain<IUserGrain>(userId).GetAsync() is not { } user)
        {
            return NoSuchUser(userId);
        }
        var devices = await grains.GetGrain<IUserDevicesGrain>(userId).ListAsync();
        return TypedResults.Ok(new UserDevicesResponse(userId, user.DeviceLimit, devices));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string userId, string hwid, IGrainFactory grains) =>
        await grains.GetGrain<IUserDevicesGrain>(userId).RemoveAsync(hwid)
            ? TypedResults.NoContent()
            : Problems.NotFound($"User '{userId}' has no device '{hwid}'.");

    public static async Task<Results<Ok<SubscriptionFetchesResponse>, ProblemHttpResult>> FetchesAsync(string userId, IGrainFactory grains)
    {
        if (await grains.GetGrain<IUserGrain>(userId).GetAsync() is null)
        {
            return NoSuchUser(userId);
        }
        return TypedResults.Ok(new SubscriptionFetchesResponse(userId, await grains.GetGrain<IUserDevicesGrain>(userId).RecentFetchesAsync()));
    }

    private static ProblemHttpResult NoSuchUser(string userId) => Problems.NotFound($"There is no user '{userId}'.");
}

public sealed record UserDevicesResponse(string UserId, int? DeviceLimit, IReadOnlyList<UserDevice> Devices);

public sealed record SubscriptionFetchesResponse(string UserId, IReadOnlyList<SubscriptionFetch> Fetches);
