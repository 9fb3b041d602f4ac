using AnomalyConnect.Api.Apis.Admin;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// The corporate access API (DESIGN.md §4) behind <c>X-Corporate-Secret</c>: grant, config, QR code, deactivate. Only
/// users that belong to an employee id are reachable here. Also maps the HR webhook and the registry's admin API.
/// </summary>
public static class CorporateApi
{
    public static IEndpointRouteBuilder MapCorporateApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/access/grant", GrantAsync).AddEndpointFilter<CorporateSecretFilter>();
        routes.MapGet("/user/{userId}/config", ConfigAsync).AddEndpointFilter<CorporateSecretFilter>();
        routes.MapGet("/user/{userId}/qr.png", QrAsync).AddEndpointFilter<CorporateSecretFilter>();
        routes.MapPost("/user/{userId}/deactivate", DeactivateAsync).AddEndpointFilter<CorporateSecretFilter>();
        routes.MapHrEventsApi();
        routes.MapCorporateRegistryApi();
        return routes;
    }

    public static async Task<Results<Ok<GrantResponse>, ProblemHttpResult>> GrantAsync(
        HttpContext http, IGrainFactory grains, IOptions<CorporateOptions> corporate, IOptions<FrontEndOptions> frontEnd,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadAsync(http.Request, cancellationToken) is not { } raw)
        {
            return CorporateProblems.TooLarge(RequestBody.MaxBytes);
        }
        var (body, error) = RequestBody.Parse<GrantBody>(raw, json.Value.SerializerOptions);
        if (body is null)
        {
            return Problems.BadRequest(error!);
        }
        if (!CorporateIds.IsWellFormedEmployeeId(body.EmployeeId))
        {
            return Problems.BadRequest("employee_id is required: letters, digits, '-', '_', '.', '@' and ':', up to 64 characters.");
        }
        var (limit, limitError) = TrafficUnits.LimitFrom(null, body.TrafficLimitGb);
        if (limitError is not null)
        {
            return Problems.BadRequest(limitError);
        }
        var settings = corporate.Value;
        var request = new GrantRequest(body.EmployeeId, body.FullName, body.Email, body.TelegramId, body.Days ?? settings.DefaultDays, limit);
        var result = await grains.GetGrain<IEmployeeGrain>(body.EmployeeId)
            .GrantAsync(request, Actor.CorporateApi(ClientAddress.Of(http)), registryEnforced: settings.RegistryEnforced);
        if (result.Outcome == EmployeeOutcome.NotRegistered)
        {
            return CorporateProblems.Forbidden($"The employee id '{body.EmployeeId}' is not registered in the corporate registry (or was revoked there).");
        }
        if (result is not { Outcome: EmployeeOutcome.Done, Employee.UserId: { } userId }
            || await grains.GetGrain<IUserGrain>(userId).GetAsync() is not { } user)
        {
            return Problems.BadRequest(result.Error ?? "The access could not be granted.");
        }
        // Behind the second factor the grant hands out no config: links leave only through an approved request.
        var links = settings.ConfigRequiresApproval ? null : await CorporateLinks.ForAsync(user, grains, frontEnd.Value.AppUrl);
        return TypedResults.Ok(new GrantResponse(
            user.UserId, body.EmployeeId, user.IsActive, user.ExpiresAt, user.TrafficLimitBytes,
            links?.VlessUrl, links?.Hy2Url, links?.SubscriptionUrl, result.ActivationCode));
    }

    public static async Task<Results<Ok<ConfigResponse>, Accepted<PendingConfigResponse>, ProblemHttpResult>> ConfigAsync(
        string userId, [FromQuery(Name = "request_id")] string? requestId, HttpContext http, IGrainFactory grains, ICorporateAccess access,
        IAuditLog audit, IOptions<CorporateOptions> corporate, IOptions<FrontEndOptions> frontEnd, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, grains) is not { } user)
        {
            return NoSuchUser(userId);
        }
        var actor = Actor.CorporateApi(ClientAddress.Of(http));
        if (corporate.Value.ConfigRequiresApproval)
        {
            var check = await ConfigApproval.CheckAsync(user, requestId, access, actor, cancellationToken);
            if (check.Refusal is { } refusal)
            {
                return refusal;
            }
            if (check.Pending is { } pending)
            {
                return TypedResults.Accepted($"/user/{userId}/config?request_id={pending.RequestId}", pending);
            }
        }
        var links = await CorporateLinks.ForAsync(user, grains, frontEnd.Value.AppUrl);
        await AuditFetchAsync(audit, user.UserId, "config", requestId, actor, cancellationToken);
        return TypedResults.Ok(new ConfigResponse(user.UserId, user.IsActive, links.VlessUrl, links.Hy2Url, links.SubscriptionUrl));
    }

    public static async Task<Results<FileContentHttpResult, Accepted<PendingConfigResponse>, ProblemHttpResult>> QrAsync(
        string userId, [FromQuery(Name = "request_id")] string? requestId, HttpContext http, IGrainFactory grains, ICorporateAccess access,
        IAuditLog audit, IOptions<CorporateOptions> corporate, IOptions<FrontEndOptions> frontEnd, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, grains) is not { } user)
        {
            return NoSuchUser(userId);
        }
        var actor = Actor.CorporateApi(ClientAddress.Of(http));
        if (corporate.Value.ConfigRequiresApproval)
        {
            var check = await ConfigApproval.CheckAsync(user, requestId, access, actor, cancellationToken);
            if (check.Refusal is { } refusal)
            {
                return refusal;
            }
            if (check.Pending is { } pending)
            {
                return TypedResults.Accepted($"/user/{userId}/qr.png?request_id={pending.RequestId}", pending);
            }
        }
        var url = SubscriptionUrls.For(frontEnd.Value.AppUrl, user.Credentials.SubscriptionToken);
        await AuditFetchAsync(audit, user.UserId, "qr", requestId, actor, cancellationToken);
        return TypedResults.File(QrCode.Png(url), "image/png");
    }

    public static async Task<Results<Ok<DeactivateResponse>, ProblemHttpResult>> DeactivateAsync(string userId, HttpContext http, IGrainFactory grains)
    {
        if (await FindAsync(userId, grains) is not { EmployeeId: { } employeeId })
        {
            return NoSuchUser(userId);
        }
        var actor = Actor.CorporateApi(ClientAddress.Of(http));
        const string reason = "deactivated through the corporate API";
        var result = await grains.GetGrain<IEmployeeGrain>(employeeId).DeactivateAsync(actor, reason);
        if (result.Outcome == EmployeeOutcome.NotFound)
        {
            // A user given an employee id by an operator, never granted here: it has no employee grain to go through.
            await grains.GetGrain<IUserGrain>(userId).ApplyAsync(new UserAction.Disable(reason), actor);
        }
        var user = await grains.GetGrain<IUserGrain>(userId).GetAsync();
        return TypedResults.Ok(new DeactivateResponse(userId, user?.IsActive ?? false));
    }

    /// <summary>Only corporate users (those holding an employee id) exist for this API.</summary>
    private static async Task<UserView?> FindAsync(string userId, IGrainFactory grains) =>
        UserIds.IsWellFormed(userId) && await grains.GetGrain<IUserGrain>(userId).GetAsync() is { EmployeeId: not null } user ? user : null;

    private static ProblemHttpResult NoSuchUser(string userId) => Problems.NotFound($"There is no corporate user '{userId}'.");

    private static Task AuditFetchAsync(IAuditLog audit, string userId, string what, string? requestId, Actor actor, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord("user.config_fetched", "user", userId, actor,
            new Dictionary<string, string?> { ["format"] = what, ["request_id"] = requestId }), cancellationToken);
}
