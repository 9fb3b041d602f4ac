using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Security;

/// <summary>Admin API: <c>Authorization: Bearer &lt;API_SECRET_KEY&gt;</c>, or 401 problem details.</summary>
public sealed class AdminTokenFilter(IOptions<FrontEndOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (!SecretComparer.Matches(options.Value.ApiSecretKey, token))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                title: "Unauthorized",
                detail: "The admin API needs the header Authorization: Bearer <API_SECRET_KEY>.",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        context.HttpContext.Items[AdminActor.ItemKey] = "api-token";
        return await next(context);
    }
}
