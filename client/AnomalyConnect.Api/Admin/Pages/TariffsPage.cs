using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Api.Apis.Admin;
using AnomalyConnect.Contracts.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>Tariffs through the catalog: list (archived too), create, edit, archive and restore.</summary>
public static class TariffsPage
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/tariffs", ShowAsync);
        pages.MapPost("/tariffs", (Delegate)SaveAsync);
        pages.MapPost("/tariffs/{tariffId}/archive", (string tariffId, HttpContext http) => SetArchivedAsync(tariffId, true, http));
        pages.MapPost("/tariffs/{tariffId}/restore", (string tariffId, HttpContext http) => SetArchivedAsync(tariffId, false, http));
    }

    public static async Task<IResult> ShowAsync(HttpContext http, string? edit, string? done) =>
        await RenderAsync(http, edit, null, done is null ? null : "The tariff was saved.", null, StatusCodes.Status200OK);

    public static async Task<IResult> SaveAsync(HttpContext http)
    {
        if (http.RequestServices.GetService<ICatalog>() is not { } catalog)
        {
            return await RenderAsync(http, null, null, null, null, StatusCodes.Status200OK);
        }
        var form = await AdminForms.ReadAsync(http);
        var (days, daysError) = AdminForms.Number(form, "days", "Days", 1, 36_500);
        var (gb, gbError) = AdminForms.Decimal(form, "traffic_limit_gb", "Traffic limit (GB)", 0, 1_000_000_000);
        var (devices, devicesError) = AdminForms.Number(form, "device_limit", "Device limit", 1, 1000);
        var (rub, rubError) = AdminForms.Decimal(form, "price_rub", "Price in roubles", 0, 10_000_000);
        var (stars, starsError) = AdminForms.Number(form, "price_stars", "Price in Stars", 0, 10_000_000);
        var (sort, sortError) = AdminForms.Number(form, "sort_order", "Order", -10_000, 10_000);
        var tariff = new Tariff(
            AdminForms.Text(form, "tariff_id") ?? "", AdminForms.Text(form, "title") ?? "", (int)(days ?? 0),
            gb is { } g ? (long)Math.Round(g * TrafficUnits.BytesPerGb) : null, (int?)devices, rub ?? 0, (int)(stars ?? 0),
            AdminForms.Flag(form, "archived"), (int)(sort ?? 0));
        var error = daysError ?? gbError ?? devicesError ?? rubError ?? starsError ?? sortError
            ?? (tariff.TariffId.Length == 0 ? "Give the tariff an id." : days is null ? "Give the tariff's days." : null);
        if (error is null)
        {
            (_, error) = await catalog.SaveTariffAsync(tariff, AdminRequest.Of(http).Actor, http.RequestAborted);
        }
        return error is null
            ? Results.Redirect("/admin/tariffs?done=saved")
            : await RenderAsync(http, null, tariff, null, error, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SetArchivedAsync(string tariffId, bool archived, HttpContext http)
    {
        if (http.RequestServices.GetService<ICatalog>() is not { } catalog || await catalog.GetTariffAsync(tariffId, http.RequestAborted) is not { } tariff)
        {
            return await RenderAsync(http, null, null, null, $"There is no tariff '{tariffId}'.", StatusCodes.Status404NotFound);
        }
        var (_, error) = await catalog.SaveTariffAsync(tariff with { Archived = archived }, AdminRequest.Of(http).Actor, http.RequestAborted);
        return error is null ? Results.Redirect("/admin/tariffs?done=saved") : await RenderAsync(http, null, null, null, error, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, string? edit, Tariff? posted, string? notice, string? error, int status)
    {
        var admin = AdminRequest.Of(http);
        if (http.RequestServices.GetService<ICatalog>() is not { } catalog)
        {
            return AdminPages.Page(admin, "/admin/tariffs", "Tariffs", Html.Of($"""<p class="muted">The catalog is not set up in this build.</p>"""));
        }
        var tariffs = await catalog.ListTariffsAsync(includeArchived: true, http.RequestAborted);
        var current = posted ?? tariffs.FirstOrDefault(t => t.TariffId == edit);
        var body = Html.Of(
            $"""
            {(tariffs.Count == 0 ? Html.Of($"""<p class="muted">No tariffs yet.</p>""") : Html.Of(
                $"""
                <div class="table-wrap"><table>
                <thead><tr><th>Id</th><th>Title</th><th>Days</th><th>Traffic</th><th>Devices</th><th>Price</th><th>Order</th><th></th></tr></thead>
                <tbody>{Html.Join(tariffs.Select(t => Html.Of(
                    $"""
                    <tr><td>{t.TariffId}{Html.When(t.Archived, Html.Of($" <span class=\"badge\">archived</span>"))}</td><td>{t.Title}</td><td>{t.Days}</td>
                    <td>{(t.TrafficLimitBytes is { } limit ? AdminFormat.Bytes(limit) : "unlimited")}</td><td>{(t.DeviceLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any")}</td>
                    <td>{AdminFormat.Money(t.PriceRub)} ₽ · {t.PriceStars} ⭐</td><td>{t.SortOrder}</td>
                    <td><a href="/admin/tariffs?edit={Uri.EscapeDataString(t.TariffId)}">edit</a>
                      {(t.Archived
                          ? AdminForms.Button(admin, $"/admin/tariffs/{Uri.EscapeDataString(t.TariffId)}/restore", "Restore", kind: "secondary")
                          : AdminForms.Button(admin, $"/admin/tariffs/{Uri.EscapeDataString(t.TariffId)}/archive", "Archive", $"Archive {t.TariffId}? It is no longer sold.", "secondary"))}</td></tr>
                    """)))}</tbody>
                </table></div>
                """))}
            <h2>{(current is null ? "New tariff" : $"Edit {current.TariffId}")}</h2>
            <form method="post" action="/admin/tariffs" class="panel grid">
              {AdminForms.Csrf(admin)}
              {AdminForms.Field("tariff_id", "Id", current?.TariffId, required: true, hint: "like month-1")}
              {AdminForms.Field("title", "Title", current?.Title, required: true)}
              {AdminForms.Field("days", "Days", current?.Days.ToString(System.Globalization.CultureInfo.InvariantCulture), "number", required: true)}
              {AdminForms.Field("traffic_limit_gb", "Traffic, GB (empty: unlimited)", current?.TrafficLimitBytes is { } b ? Math.Round((decimal)b / TrafficUnits.BytesPerGb, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)}
              {AdminForms.Field("device_limit", "Devices (empty: any)", current?.DeviceLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture), "number")}
              {AdminForms.Field("price_rub", "Price, ₽", current?.PriceRub.ToString(System.Globalization.CultureInfo.InvariantCulture))}
              {AdminForms.Field("price_stars", "Price, Stars", current?.PriceStars.ToString(System.Globalization.CultureInfo.InvariantCulture), "number")}
              {AdminForms.Field("sort_order", "Order", current?.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture), "number")}
              {AdminForms.Checkbox("archived", "Archived", current?.Archived ?? false)}
              <button type="submit">Save tariff</button>
            </form>
            """);
        return AdminPages.Page(admin, "/admin/tariffs", "Tariffs", body, notice, error, status);
    }
}
