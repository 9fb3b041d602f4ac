using AnomalyConnect.Api.Admin.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Admin;

public static class AdminUiServiceCollectionExtensions
{
    /// <summary>The admin UI's services; <see cref="AdminOptions"/> default to no allowlist and no metrics password unless the host registered them.</summary>
    public static IServiceCollection AddAdminUi(this IServiceCollection services)
    {
        services.TryAddSingleton(Options.Create(new AdminOptions()));
        services.AddSingleton<AdminSessionFilter>();
        return services;
    }

    /// <summary>ADMIN_ALLOWLIST in front of everything under /admin.</summary>
    public static IApplicationBuilder UseAdminAllowlist(this IApplicationBuilder app) => app.UseMiddleware<AdminAllowlistMiddleware>();

    /// <summary>The admin web UI at /admin: server-rendered pages, one stylesheet and one small script.</summary>
    public static IEndpointRouteBuilder MapAdminUi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/assets/admin.css", () => Results.Text(AdminAssets.Css, "text/css; charset=utf-8"));
        routes.MapGet("/admin/assets/admin.js", () => Results.Text(AdminAssets.Script, "text/javascript; charset=utf-8"));
        LoginPages.Map(routes);
        var pages = routes.MapGroup("/admin").AddEndpointFilter<AdminSessionFilter>();
        LoginPages.MapLogout(pages);
        OverviewPage.Map(pages);
        NodesPages.Map(pages);
        UsersPages.Map(pages);
        UserDetailPage.Map(pages);
        BulkJobPages.Map(pages);
        TariffsPage.Map(pages);
        PromoCodesPage.Map(pages);
        PaymentsPage.Map(pages);
        AuditPage.Map(pages);
        AccountPage.Map(pages);
        return routes;
    }
}
