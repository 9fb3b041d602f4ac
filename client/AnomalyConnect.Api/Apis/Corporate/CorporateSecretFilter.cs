using AnomalyConnect.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// Corporate API: <c>X-Corporate-Secret: &lt;CORPORATE_SECRET&gt;</c> compared in constant time, or 401 problem details;
/// an address with too many failures gets 429. The handlers behind it read their bodies themselves, so nothing of the
/// request body is read before the caller is known.
/// </summary>
public sealed class CorporateSecretFilter(IOptions<FrontEndOptions> options, AuthFailureLimiter limiter, ILogger<CorporateSecretFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-Corporate-Secret";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = ClientAddress.Of(http);
        if (limiter.IsLimited(address, out var retryAfter))
        {
            CorporateLog.RateLimited(logger, address);
            return CorporateProblems.TooManyFailures(http, retryAfter);
        }
        var presented = http.Request.Headers[HeaderName];
        if (presented.Count != 1 || !SecretComparer.Matches(options.Value.CorporateSecret, presented[0]))
        {
            limiter.RecordFailure(address);
            CorporateLog.SecretRejected(logger, address);
            return CorporateProblems.Unauthorized($"The corporate API needs the header {HeaderName}: <CORPORATE_SECRET>.");
        }
        return await next(context);
    }
}
