using System.Globalization;
using System.Threading.RateLimiting;
using Governance.Api.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL.Limits;

/// <summary>Requests per principal per minute on <c>/graphql</c> (<c>Api:Limits:RequestsPerMinute</c>): a key, a token subject, or the address of an anonymous caller.</summary>
internal static class RequestRateLimit
{
    public static PartitionedRateLimiter<HttpContext> PerPrincipal() => PartitionedRateLimiter.Create<HttpContext, string>(http =>
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<LimitOptions>>().Value.RequestsPerMinute;
        if (limit == 0 || !http.Request.Path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var principal = http.User.FindFirst(GovernanceClaims.Subject)?.Value ?? $"address:{http.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(principal, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    });

    public static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await ErrorResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
            "Too many requests from this caller in the last minute (Api:Limits:RequestsPerMinute); retry later.");
    }
}
