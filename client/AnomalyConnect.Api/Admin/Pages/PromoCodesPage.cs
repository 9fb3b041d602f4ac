using System.Globalization;
using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Contracts.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>Promo codes through the catalog: list with uses, create, edit, archive and restore.</summary>
public static class PromoCodesPage
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/promo-codes", ShowAsync);
        pages.MapPost("/promo-codes", (Delegate)SaveAsync);
        pages.MapPost("/promo-codes/{code}/archive", (string code, HttpContext http) => SetArchivedAsync(code, true, http));
        pages.MapPost("/promo-codes/{code}/restore", (string code, HttpContext http) => SetArchivedAsync(code, false, http));
    }

    public static async Task<IResult> ShowAsync(HttpContext http, string? edit, string? done) =>
        await RenderAsync(http, edit, null, done is null ? null : "The promo code was saved.", null, StatusCodes.Status200OK);

    public static async Task<IResult> SaveAsync(HttpContext http)
    {
        if (http.RequestServices.GetService<ICatalog>() is not { } catalog)
        {
            return await RenderAsync(http, null, null, null, null, StatusCodes.Status200OK);
        }
        var form = await AdminForms.ReadAsync(http);
        var code = (AdminForms.Text(form, "code") ?? "").ToUpperInvariant();
        var (value, valueError) = AdminForms.Decimal(form, "value", "Value", 0, 10_000_000);
        var (days, daysError) = AdminForms.Number(form, "days", "Days", 0, 36_500);
        var (maxUses, usesError) = AdminForms.Number(form, "max_uses", "Use limit", 1, 100_000_000);
        var (from, fromError) = Date(form, "valid_from", "Valid from");
        var (until, untilError) = Date(form, "valid_until", "Valid until");
        var kindOk = AdminFormat.TryParse<PromoKind>(AdminForms.Text(form, "kind"), out var kind);
        var existing = code.Length == 0 ? null : await catalog.GetPromoCodeAsync(code, http.RequestAborted);
        var promo = new PromoCode(
            code, kind, value ?? 0, (int)(days ?? 0), (int?)maxUses, existing?.Uses ?? 0, AdminForms.Flag(form, "once_per_user"), from,
            until is { } end ? end.AddDays(1).AddTicks(-1) : null,
            [.. (AdminForms.Text(form, "tariff_ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            AdminForms.Flag(form, "archived"));
        var error = valueError ?? daysError ?? usesError ?? fromError ?? untilError
            ?? (code.Length == 0 ? "Give the code." : !kindOk ? "Choose the kind of promo code." : null);
        if (error is null)
        {
            (_, error) = await catalog.SavePromoCodeAsync(promo, AdminRequest.Of(http).Actor, http.RequestAborted);
        }
        return error is null
            ? Results.Redirect("/admin/promo-codes?done=saved")
            : await RenderAsync(http, null, promo, null, error, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SetArchivedAsync(string code, bool archived, HttpContext http)
    {
        if (http.RequestServices.GetService<ICatalog>() is not { } catalog || await catalog.GetPromoCodeAsync(code, http.RequestAborted) is not { } promo)
        {
            return await RenderAsync(http, null, null, null, $"There is no promo code '{code}'.", StatusCodes.Status404NotFound);
        }
        var (_, error) = await catalog.SavePromoCodeAsync(promo with { Archived = archived }, AdminRequest.Of(http).Actor, http.RequestAborted);
        return error is null ? Results.Redirect("/admin/promo-codes?done=saved") : await RenderAsync(http, null, null, null, error, StatusCodes.Status400BadRequest);
    }

    private static (DateTimeOffset? Value, string? Error) Date(IFormCollection form, string name, string label)
    {
        if (AdminForms.Text(form, name) is not { } text)
        {
            return (null, null);
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null)
            : (null, $"{label} must be a date like 2025-12-31.");
    }

    private static async Task<IResult> RenderAsync(HttpContext http, string? edit, PromoCode? posted, string? notice, string? error, int status)
    {
        var admin = AdminRequest.Of(http);
        if (http.RequestServices.GetService<ICatalog>() is not { } catalog)
        {
            return AdminPages.Page(admin, "/admin/promo-codes", "Promo codes", Html.Of($"""<p class="muted">The catalog is not set up in this build.</p>"""));
        }
        var codes = await catalog.ListPromoCodesAsync(includeArchived: true, http.RequestAborted);
        var current = posted ?? codes.FirstOrDefault(c => c.Code == edit);
        var kinds = Enum.GetValues<PromoKind>().Select(k => (AdminFormat.Name(k), AdminFormat.Label(k)));
        var body = Html.Of(
            $"""
            {(codes.Count == 0 ? Html.Of($"""<p class="muted">No promo codes yet.</p>""") : Html.Of(
                $"""
                <div class="table-wrap"><table>
                <thead><tr><th>Code</th><th>Kind</th><th>Value</th><th>Days</th><th>Uses</th><th>Valid</th><th>Tariffs</th><th></th></tr></thead>
                <tbody>{Html.Join(codes.Select(c => Html.Of(
                    $"""
                    <tr><td class="mono">{c.Code}{Html.When(c.Archived, Html.Of($" <span class=\"badge\">archived</span>"))}</td><td>{AdminFormat.Label(c.Kind)}</td>
                    <td>{AdminFormat.Money(c.Value)}</td><td>{c.Days}</td><td>{c.Uses} / {(c.MaxUses?.ToString(CultureInfo.InvariantCulture) ?? "∞")}{(c.OncePerUser ? ", once per user" : "")}</td>
                    <td>{AdminFormat.Date(c.ValidFrom)} – {AdminFormat.Date(c.ValidUntil)}</td><td>{string.Join(", ", c.TariffIds)}</td>
                    <td><a href="/admin/promo-codes?edit={Uri.EscapeDataString(c.Code)}">edit</a>
                      {(c.Archived
                          ? AdminForms.Button(admin, $"/admin/promo-codes/{Uri.EscapeDataString(c.Code)}/restore", "Restore", kind: "secondary")
                          : AdminForms.Button(admin, $"/admin/promo-codes/{Uri.EscapeDataString(c.Code)}/archive", "Archive", $"Archive {c.Code}? It can no longer be used.", "secondary"))}</td></tr>
                    """)))}</tbody>
                </table></div>
                """))}
            <h2>{(current is null ? "New promo code" : $"Edit {current.Code}")}</h2>
            <form method="post" action="/admin/promo-codes" class="panel grid">
              {AdminForms.Csrf(admin)}
              {AdminForms.Field("code", "Code", current?.Code, required: true)}
              {AdminForms.Select("kind", "Kind", current is null ? "percent_discount" : AdminFormat.Name(current.Kind), kinds)}
              {AdminForms.Field("value", "Value (percent or ₽)", current?.Value.ToString(CultureInfo.InvariantCulture))}
              {AdminForms.Field("days", "Days (bonus or trial)", current?.Days.ToString(CultureInfo.InvariantCulture), "number")}
              {AdminForms.Field("max_uses", "Use limit (empty: none)", current?.MaxUses?.ToString(CultureInfo.InvariantCulture), "number")}
              {AdminForms.Field("valid_from", "Valid from", current?.ValidFrom?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date")}
              {AdminForms.Field("valid_until", "Valid until", current?.ValidUntil?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date")}
              {AdminForms.Field("tariff_ids", "Only for tariffs (comma-separated)", current is null ? null : string.Join(", ", current.TariffIds))}
              {AdminForms.Checkbox("once_per_user", "Once per user", current?.OncePerUser ?? true)}
              {AdminForms.Checkbox("archived", "Archived", current?.Archived ?? false)}
              <button type="submit">Save promo code</button>
            </form>
            """);
        return AdminPages.Page(admin, "/admin/promo-codes", "Promo codes", body, notice, error, status);
    }
}
