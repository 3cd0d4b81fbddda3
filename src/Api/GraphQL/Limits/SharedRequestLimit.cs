using System.Globalization;
using Governance.Api.Security;

namespace Governance.Api.GraphQL.Limits;

/// <summary>
/// <c>Api:Limits:RequestsPerMinute</c> across every API instance (<see cref="SharedRequestBudget"/>), after the
/// concurrency limit and before the key lookup, on the paths that answer data; a refused request is a 429 with the
/// seconds left of the caller's minute in <c>Retry-After</c>.
/// </summary>
internal sealed class SharedRequestLimit(RequestDelegate next, SharedRequestBudget budget)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!budget.Enabled || !GatedPaths.Covers(http.Request.Path))
        {
            await next(http);
            return;
        }

        var retryAfter = await budget.AdmitAsync(RequestRateLimit.CallerOf(http), http.RequestAborted);
        if (retryAfter is null)
        {
            await next(http);
            return;
        }

        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ErrorResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, "RATE_LIMITED", RequestRateLimit.PerMinuteMessage);
    }
}
