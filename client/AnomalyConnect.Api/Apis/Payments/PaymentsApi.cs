using Microsoft.AspNetCore.Routing;

namespace AnomalyConnect.Api.Apis.Payments;

/// <summary>Everything about money: the admin's tariffs, promo codes, payments and revenue, and YooKassa's notifications.</summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapAdminTariffsApi();
        routes.MapAdminPromoCodesApi();
        routes.MapAdminPaymentsApi();
        routes.MapYooKassaWebhookApi();
        return routes;
    }
}
