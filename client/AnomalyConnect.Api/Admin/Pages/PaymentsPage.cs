using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Contracts.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>Payments by status and user, newest first, when this build has a payment directory.</summary>
public static class PaymentsPage
{
    private const int PageSize = 50;

    public static void Map(RouteGroupBuilder pages) => pages.MapGet("/payments", ShowAsync);

    public static async Task<IResult> ShowAsync(HttpContext http, string? status, [FromQuery(Name = "user_id")] string? userId, int? page)
    {
        var admin = AdminRequest.Of(http);
        if (http.RequestServices.GetService<IPaymentDirectory>() is not { } payments)
        {
            return AdminPages.Page(admin, "/admin/payments", "Payments", Html.Of($"""<p class="muted">Payments are not set up in this build.</p>"""));
        }
        PaymentStatus? statusFilter = AdminFormat.TryParse<PaymentStatus>(status, out var parsed) ? parsed : null;
        var current = Math.Max(1, page ?? 1);
        var list = await payments.ListAsync(string.IsNullOrWhiteSpace(userId) ? null : userId.Trim(), statusFilter, current, PageSize, http.RequestAborted);
        var options = new[] { ("", "any status") }.Concat(Enum.GetValues<PaymentStatus>().Select(s => (AdminFormat.Name(s), AdminFormat.Label(s)))).ToList();
        var filter = $"status={Uri.EscapeDataString(statusFilter is { } f ? AdminFormat.Name(f) : "")}&user_id={Uri.EscapeDataString(userId ?? "")}";
        var body = Html.Of(
            $"""
            <form method="get" action="/admin/payments" class="panel grid">
              {AdminForms.Select("status", "Status", statusFilter is { } s ? AdminFormat.Name(s) : "", options)}
              {AdminForms.Field("user_id", "User id", userId)}
              <button type="submit">Filter</button>
            </form>
            {(list.Count == 0 ? Html.Of($"""<p class="muted">No payments.</p>""") : Html.Of(
                $"""
                <div class="table-wrap"><table>
                <thead><tr><th>Payment</th><th>User</th><th>Tariff</th><th>Provider</th><th>Status</th><th>Amount</th><th>Promo</th><th>Created</th><th>Paid</th></tr></thead>
                <tbody>{Html.Join(list.Select(p => Html.Of(
                    $"""
                    <tr><td class="mono">{p.PaymentId}</td><td><a href="/admin/users/{Uri.EscapeDataString(p.UserId)}">{p.UserId}</a></td><td>{p.TariffId}</td>
                    <td>{AdminFormat.Label(p.Provider)}</td><td><span class="badge {AdminFormat.Name(p.Status)}">{AdminFormat.Label(p.Status)}</span></td>
                    <td>{AdminFormat.Money(p.Amount)} {p.Currency}</td><td>{p.PromoCode}</td><td>{AdminFormat.Time(p.CreatedAt)}</td><td>{AdminFormat.Time(p.PaidAt)}</td></tr>
                    """)))}</tbody>
                </table></div>
                """))}
            <div class="pager">
              {Html.When(current > 1, Html.Of($"""<a href="/admin/payments?{filter}&page={current - 1}">← newer</a>"""))}
              {Html.When(list.Count == PageSize, Html.Of($"""<a href="/admin/payments?{filter}&page={current + 1}">older →</a>"""))}
            </div>
            """);
        return AdminPages.Page(admin, "/admin/payments", "Payments", body);
    }
}
