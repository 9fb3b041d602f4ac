using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// The registry of corporate ids under <c>/admin/api/corporate/registry</c> (admin token): list, register, revoke.
/// Revoking also deactivates the id's access. Every change is audited with the admin and the address.
/// </summary>
public static class CorporateRegistryApi
{
    public static IEndpointRouteBuilder MapCorporateRegistryApi(this IEndpointRouteBuilder routes)
    {
        var registry = routes.MapGroup("/admin/api/corporate/registry").AddEndpointFilter<AdminTokenFilter>();
        registry.MapGet("/", ListAsync);
        registry.MapPost("/", RegisterAsync);
        registry.MapPost("/{employeeId}/revoke", RevokeAsync);
        return routes;
    }

    public static async Task<Results<Ok<RegistryPageResponse>, ProblemHttpResult>> ListAsync(
        string? state, int? page, [FromQuery(Name = "page_size")] int? pageSize, ICorporateAccess access, CancellationToken cancellationToken)
    {
        RegistryState? filter = state switch
        {
            null or "" => null,
            "registered" => RegistryState.Registered,
            "revoked" => RegistryState.Revoked,
            "unregistered" => RegistryState.Unregistered,
            _ => (RegistryState)(-1),
        };
        if (filter == (RegistryState)(-1))
        {
            return Problems.BadRequest("state must be one of registered, revoked, unregistered.");
        }
        if (page is < 1 || pageSize is < 1 or > 500)
        {
            return Problems.BadRequest("page must be 1 or more, and page_size between 1 and 500.");
        }
        var entries = await access.ListRegistryAsync(filter, page ?? 1, pageSize ?? 50, cancellationToken);
        return TypedResults.Ok(new RegistryPageResponse([.. entries.Select(RegistryEntryResponse.Of)], page ?? 1, pageSize ?? 50));
    }

    public static async Task<Results<Ok<RegistryEntryResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterEmployeeBody body, HttpContext http, IGrainFactory grains)
    {
        if (!CorporateIds.IsWellFormedEmployeeId(body.EmployeeId))
        {
            return Problems.BadRequest("employee_id is required: letters, digits, '-', '_', '.', '@' and ':', up to 64 characters.");
        }
        var result = await grains.GetGrain<IEmployeeGrain>(body.EmployeeId).SetRegistryAsync(RegistryState.Registered, AdminOf(http));
        return result.Employee is { } employee
            ? TypedResults.Ok(RegistryEntryResponse.Of(employee))
            : Problems.BadRequest(result.Error ?? "The id could not be registered.");
    }

    public static async Task<Results<Ok<RegistryEntryResponse>, ProblemHttpResult>> RevokeAsync(string employeeId, HttpContext http, IGrainFactory grains)
    {
        if (!CorporateIds.IsWellFormedEmployeeId(employeeId))
        {
            return Problems.NotFound($"There is no employee id '{employeeId}' in the registry.");
        }
        var result = await grains.GetGrain<IEmployeeGrain>(employeeId).SetRegistryAsync(RegistryState.Revoked, AdminOf(http));
        return result is { Outcome: EmployeeOutcome.Done, Employee: { } employee }
            ? TypedResults.Ok(RegistryEntryResponse.Of(employee))
            : Problems.NotFound($"There is no employee id '{employeeId}' in the registry.");
    }

    private static Actor AdminOf(HttpContext http) =>
        Actor.Admin(http.Items[AdminActor.ItemKey] as string ?? "admin", ClientAddress.Of(http));
}
