using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Admin;

/// <summary>Users under <c>/admin/api/users</c>: create, search, read, and the operator's actions.</summary>
public static class AdminUsersApi
{
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/admin/api/users").AddEndpointFilter<AdminTokenFilter>();
        users.MapPost("/", CreateAsync);
        users.MapGet("/", SearchAsync);
        users.MapGet("/{userId}", GetAsync);
        users.MapDelete("/{userId}", DeleteAsync);
        users.MapPost("/{userId}/extend", (string userId, ExtendRequest request, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
            request.Days is { } days
                ? ApplyAsync(userId, new UserAction.Extend(days), http, grains, options)
                : Task.FromResult<Results<Ok<UserResponse>, ProblemHttpResult>>(Problems.BadRequest("days is required.")));
        users.MapPost("/{userId}/traffic-limit", (string userId, TrafficLimitRequest request, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
            TrafficUnits.LimitFrom(request.TrafficLimitBytes, request.TrafficLimitGb) is { Error: null } limit
                ? ApplyAsync(userId, new UserAction.SetTrafficLimit(limit.Bytes), http, grains, options)
                : Task.FromResult<Results<Ok<UserResponse>, ProblemHttpResult>>(
                    Problems.BadRequest(TrafficUnits.LimitFrom(request.TrafficLimitBytes, request.TrafficLimitGb).Error!)));
        users.MapPost("/{userId}/reset-strategy", (string userId, ResetStrategyRequest request, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
            request.Strategy is { } strategy
                ? ApplyAsync(userId, new UserAction.SetResetStrategy(strategy), http, grains, options)
                : Task.FromResult<Results<Ok<UserResponse>, ProblemHttpResult>>(Problems.BadRequest("strategy is required: no_reset, day, week, month or month_rolling.")));
        users.MapPost("/{userId}/reset-traffic", (string userId, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
            ApplyAsync(userId, new UserAction.ResetTraffic(), http, grains, options));
        users.MapPost("/{userId}/disable", (string userId, DisableRequest? request, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
            ApplyAsync(userId, new UserAction.Disable(request?.Reason), http, grains, options));
        users.MapPost("/{userId}/enable", (string userId, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
            ApplyAsync(userId, new UserAction.Enable(), http, grains, options));
        users.MapPost("/{userId}/revoke", (string userId, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
            ApplyAsync(userId, new UserAction.RevokeSubscription(), http, grains, options));
        users.MapPost("/{userId}/expiry", (string userId, ExpiryRequest request, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
            ApplyAsync(userId, new UserAction.SetExpiry(request.ExpiresAt), http, grains, options));
        return routes;
    }

    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options)
    {
        var userId = request.UserId ?? UserIds.New();
        if (!UserIds.IsWellFormed(userId))
        {
            return Problems.BadRequest("user_id may hold letters, digits, '-', '_' and '.', up to 64 characters.");
        }
        var (limit, limitError) = TrafficUnits.LimitFrom(request.TrafficLimitBytes, request.TrafficLimitGb);
        if (limitError is not null)
        {
            return Problems.BadRequest(limitError);
        }
        var result = await grains.GetGrain<IUserGrain>(userId).CreateAsync(new NewUser(
            request.Days, limit, request.ResetStrategy ?? TrafficResetStrategy.NoReset, request.OnHoldDays, request.TelegramId,
            request.Username, request.EmployeeId, request.DisplayName, request.Email, request.Region, request.DeviceLimit, request.Note), AdminRequestActor.Of(http));
        return result switch
        {
            { Outcome: UserOutcome.Done, User: { } user } => TypedResults.Created($"/admin/api/users/{userId}", UserResponse.Of(user, options.Value.AppUrl)),
            { Outcome: UserOutcome.AlreadyExists } => Problems.Conflict($"A user '{userId}' already exists."),
            _ => Problems.BadRequest(result.Error ?? "The user could not be created."),
        };
    }

    public static async Task<Results<Ok<UserPageResponse>, ProblemHttpResult>> SearchAsync(
        string? query, string? status, int? page, int? pageSize, IUserDirectory directory, IOptions<FrontEndOptions> options, CancellationToken cancellationToken)
    {
        UserStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<UserStatus>(status.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed))
            {
                return Problems.BadRequest("status must be one of active, disabled, limited, expired, on_hold.");
            }
            statusFilter = parsed;
        }
        var result = await directory.SearchAsync(new UserQuery(Contracts.Admin.BulkUserFilter.NormalizeQuery(query), statusFilter, page ?? 1, pageSize ?? 50), cancellationToken);
        return TypedResults.Ok(new UserPageResponse(
            [.. result.Users.Select(u => UserResponse.Of(u, options.Value.AppUrl))], result.Page, result.PageSize, result.Total));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(string userId, IGrainFactory grains, IOptions<FrontEndOptions> options) =>
        await grains.GetGrain<IUserGrain>(userId).GetAsync() is { } user
            ? TypedResults.Ok(UserResponse.Of(user, options.Value.AppUrl))
            : Problems.NotFound($"There is no user '{userId}'.");

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string userId, HttpContext http, IGrainFactory grains) =>
        (await grains.GetGrain<IUserGrain>(userId).DeleteAsync(AdminRequestActor.Of(http))).Outcome == UserOutcome.Done
            ? TypedResults.NoContent()
            : Problems.NotFound($"There is no user '{userId}'.");

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> ApplyAsync(
        string userId, UserAction action, HttpContext http, IGrainFactory grains, IOptions<FrontEndOptions> options)
    {
        var result = await grains.GetGrain<IUserGrain>(userId).ApplyAsync(action, AdminRequestActor.Of(http));
        return result switch
        {
            { Outcome: UserOutcome.NotFound } => Problems.NotFound($"There is no user '{userId}'."),
            { Outcome: UserOutcome.Invalid } => Problems.BadRequest(result.Error ?? "The change is not valid."),
            { User: { } user } => TypedResults.Ok(UserResponse.Of(user, options.Value.AppUrl)),
            _ => Problems.NotFound($"There is no user '{userId}'."),
        };
    }
}

public sealed record UserPageResponse(IReadOnlyList<UserResponse> Users, int Page, int PageSize, long Total);
