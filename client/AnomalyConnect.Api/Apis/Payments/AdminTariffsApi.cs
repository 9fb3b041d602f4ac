using System.Security.Cryptography;
using AnomalyConnect.Api.Apis.Admin;
using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>Tariffs under <c>/admin/api/tariffs</c>: create, list, read, replace, archive. Every change is audited.</summary>
public static class AdminTariffsApi
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static IEndpointRouteBuilder MapAdminTariffsApi(this IEndpointRouteBuilder routes)
    {
        var tariffs = routes.MapGroup("/admin/api/tariffs").AddEndpointFilter<AdminTokenFilter>();
        tariffs.MapPost("/", CreateAsync);
        tariffs.MapGet("/", ListAsync);
        tariffs.MapGet("/{tariffId}", GetAsync);
        tariffs.MapPut("/{tariffId}", ReplaceAsync);
        tariffs.MapPost("/{tariffId}/archive", ArchiveAsync);
        return routes;
    }

    public static async Task<Results<Created<Tariff>, ProblemHttpResult>> CreateAsync(
        TariffRequest request, ICatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var tariffId = request.TariffId ?? "t" + RandomNumberGenerator.GetString(IdAlphabet, 10);
        var (tariff, error) = From(request, tariffId, archivedNow: false);
        if (tariff is null)
        {
            return Problems.BadRequest(error!);
        }
        if (await catalog.GetTariffAsync(tariffId, cancellationToken) is not null)
        {
            return Problems.Conflict($"A tariff '{tariffId}' already exists; change it with PUT /admin/api/tariffs/{tariffId}.");
        }
        var (saved, invalid) = await catalog.SaveTariffAsync(tariff, PaymentProblems.AdminOf(context), cancellationToken);
        return saved is null ? Problems.BadRequest(invalid!) : TypedResults.Created($"/admin/api/tariffs/{saved.TariffId}", saved);
    }

    public static async Task<Ok<TariffPageResponse>> ListAsync(
        [FromQuery(Name = "include_archived")] bool? includeArchived, ICatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(new TariffPageResponse(await catalog.ListTariffsAsync(includeArchived ?? false, cancellationToken)));

    public static async Task<Results<Ok<Tariff>, ProblemHttpResult>> GetAsync(string tariffId, ICatalog catalog, CancellationToken cancellationToken) =>
        await catalog.GetTariffAsync(tariffId, cancellationToken) is { } tariff
            ? TypedResults.Ok(tariff)
            : Problems.NotFound($"There is no tariff '{tariffId}'.");

    public static async Task<Results<Ok<Tariff>, ProblemHttpResult>> ReplaceAsync(
        string tariffId, TariffRequest request, ICatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.TariffId is { } bodyId && bodyId != tariffId)
        {
            return Problems.BadRequest("tariff_id in the body differs from the one in the path; a tariff's id cannot change.");
        }
        if (await catalog.GetTariffAsync(tariffId, cancellationToken) is not { } current)
        {
            return Problems.NotFound($"There is no tariff '{tariffId}'.");
        }
        var (tariff, error) = From(request, tariffId, archivedNow: current.Archived);
        if (tariff is null)
        {
            return Problems.BadRequest(error!);
        }
        var (saved, invalid) = await catalog.SaveTariffAsync(tariff, PaymentProblems.AdminOf(context), cancellationToken);
        return saved is null ? Problems.BadRequest(invalid!) : TypedResults.Ok(saved);
    }

    public static async Task<Results<Ok<Tariff>, ProblemHttpResult>> ArchiveAsync(
        string tariffId, ICatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        if (await catalog.GetTariffAsync(tariffId, cancellationToken) is not { } current)
        {
            return Problems.NotFound($"There is no tariff '{tariffId}'.");
        }
        if (current.Archived)
        {
            return TypedResults.Ok(current);
        }
        var (saved, invalid) = await catalog.SaveTariffAsync(current with { Archived = true }, PaymentProblems.AdminOf(context), cancellationToken);
        return saved is null ? Problems.BadRequest(invalid!) : TypedResults.Ok(saved);
    }

    private static (Tariff? Tariff, string? Error) From(TariffRequest request, string tariffId, bool archivedNow)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return (null, "title is required.");
        }
        if (request.Days is not { } days)
        {
            return (null, "days is required.");
        }
        if (request.PriceRub is not { } priceRub)
        {
            return (null, "price_rub is required.");
        }
        var (traffic, trafficError) = TrafficUnits.LimitFrom(request.TrafficLimitBytes, request.TrafficLimitGb);
        if (trafficError is not null)
        {
            return (null, trafficError);
        }
        return (new Tariff(tariffId, request.Title.Trim(), days, traffic, request.DeviceLimit, priceRub,
            request.PriceStars ?? 0, request.Archived ?? archivedNow, request.SortOrder ?? 0), null);
    }
}
