using AnomalyConnect.Api.Security;
using AnomalyConnect.Contracts.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>Promo codes under <c>/admin/api/promo-codes</c>: create, list, read, replace, archive. Every change is audited.</summary>
public static class AdminPromoCodesApi
{
    public static IEndpointRouteBuilder MapAdminPromoCodesApi(this IEndpointRouteBuilder routes)
    {
        var codes = routes.MapGroup("/admin/api/promo-codes").AddEndpointFilter<AdminTokenFilter>();
        codes.MapPost("/", CreateAsync);
        codes.MapGet("/", ListAsync);
        codes.MapGet("/{code}", GetAsync);
        codes.MapPut("/{code}", ReplaceAsync);
        codes.MapPost("/{code}/archive", ArchiveAsync);
        return routes;
    }

    public static async Task<Results<Created<PromoCode>, ProblemHttpResult>> CreateAsync(
        PromoCodeRequest request, ICatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            return Problems.BadRequest("code is required.");
        }
        var (promo, error) = From(request, PromoCodes.Normalize(request.Code), archivedNow: false);
        if (promo is null)
        {
            return Problems.BadRequest(error!);
        }
        if (PromoCodes.IsWellFormed(promo.Code) && await catalog.GetPromoCodeAsync(promo.Code, cancellationToken) is not null)
        {
            return Problems.Conflict($"A promo code '{promo.Code}' already exists; change it with PUT /admin/api/promo-codes/{promo.Code}.");
        }
        var (saved, invalid) = await catalog.SavePromoCodeAsync(promo, PaymentProblems.AdminOf(context), cancellationToken);
        return saved is null ? Problems.BadRequest(invalid!) : TypedResults.Created($"/admin/api/promo-codes/{saved.Code}", saved);
    }

    public static async Task<Ok<PromoCodePageResponse>> ListAsync(
        [FromQuery(Name = "include_archived")] bool? includeArchived, ICatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PromoCodePageResponse(await catalog.ListPromoCodesAsync(includeArchived ?? false, cancellationToken)));

    public static async Task<Results<Ok<PromoCode>, ProblemHttpResult>> GetAsync(string code, ICatalog catalog, CancellationToken cancellationToken) =>
        await catalog.GetPromoCodeAsync(code, cancellationToken) is { } promo
            ? TypedResults.Ok(promo)
            : Problems.NotFound($"There is no promo code '{code}'.");

    public static async Task<Results<Ok<PromoCode>, ProblemHttpResult>> ReplaceAsync(
        string code, PromoCodeRequest request, ICatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var key = PromoCodes.Normalize(code);
        if (request.Code is { } bodyCode && PromoCodes.Normalize(bodyCode) != key)
        {
            return Problems.BadRequest("code in the body differs from the one in the path; a promo code cannot be renamed.");
        }
        if (await catalog.GetPromoCodeAsync(key, cancellationToken) is not { } current)
        {
            return Problems.NotFound($"There is no promo code '{code}'.");
        }
        var (promo, error) = From(request, key, current.Archived);
        if (promo is null)
        {
            return Problems.BadRequest(error!);
        }
        var (saved, invalid) = await catalog.SavePromoCodeAsync(promo, PaymentProblems.AdminOf(context), cancellationToken);
        return saved is null ? Problems.BadRequest(invalid!) : TypedResults.Ok(saved);
    }

    public static async Task<Results<Ok<PromoCode>, ProblemHttpResult>> ArchiveAsync(
        string code, ICatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        if (await catalog.GetPromoCodeAsync(code, cancellationToken) is not { } current)
        {
            return Problems.NotFound($"There is no promo code '{code}'.");
        }
        if (current.Archived)
        {
            return TypedResults.Ok(current);
        }
        var (saved, invalid) = await catalog.SavePromoCodeAsync(current with { Archived = true }, PaymentProblems.AdminOf(context), cancellationToken);
        return saved is null ? Problems.BadRequest(invalid!) : TypedResults.Ok(saved);
    }

    private static (PromoCode? PromoCode, string? Error) From(PromoCodeRequest request, string code, bool archivedNow) =>
        request.Kind is not { } kind
            ? (null, "kind is required: percent_discount, fixed_discount, bonus_days or free_trial.")
            : (new PromoCode(code, kind, request.Value ?? 0, request.Days ?? 0, request.MaxUses, Uses: 0, request.OncePerUser ?? true,
                request.ValidFrom, request.ValidUntil, request.TariffIds ?? [], request.Archived ?? archivedNow), null);
}
