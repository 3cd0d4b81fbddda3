using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Governance.Api.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL.Limits;

/// <summary>
/// Per caller on <c>/graphql</c> and <c>/reports</c>: at most <c>Api:Limits:ConcurrentRequestsPerCaller</c> requests running at once (a few
/// more wait, <c>Api:Limits:ConcurrentRequestsQueue</c>), and <c>Api:Limits:RequestsPerMinute</c> a minute. It runs
/// before the access gate, so a refused request costs no key lookup: the caller is told apart by what it presents
/// (the SHA-256 of its key or token) or, without credentials, by its client address (a known proxy's forwarded one).
/// The per-minute limit here is this process's own; when it is shared by the instances (<see cref="SharedRequestBudget"/>)
/// <see cref="SharedRequestLimit"/> enforces it instead. The concurrency limit is always per process: it guards its threads.
/// </summary>
internal static class RequestRateLimit
{
    public const string PerMinuteMessage = "Too many requests from this caller in the last minute (Api:Limits:RequestsPerMinute); retry later.";

    public static PartitionedRateLimiter<HttpContext> PerCaller() => PartitionedRateLimiter.CreateChained(Concurrent(), PerMinute());

    private static PartitionedRateLimiter<HttpContext> Concurrent() => PartitionedRateLimiter.Create<HttpContext, string>(http =>
    {
        var limits = Limits(http);
        return limits.ConcurrentRequestsPerCaller == 0 || !IsGraphQL(http)
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetConcurrencyLimiter(CallerOf(http), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.ConcurrentRequestsPerCaller,
                QueueLimit = limits.ConcurrentRequestsQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
    });

    private static PartitionedRateLimiter<HttpContext> PerMinute() => PartitionedRateLimiter.Create<HttpContext, string>(http =>
    {
        var limit = Limits(http).RequestsPerMinute;

        // Shared by the instances, the limit is SharedRequestLimit's, counted in the warehouse.
        return limit == 0 || !IsGraphQL(http) || http.RequestServices.GetRequiredService<SharedRequestBudget>().Enabled
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(CallerOf(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
    });

    /// <summary>The caller as it presents itself, without a lookup: its key or bearer token (hashed, never kept in clear), else its client address.</summary>
    public static string CallerOf(HttpContext http)
    {
        var headers = http.Request.Headers;
        var key = headers[ApiKeyAuthenticationHandler.Header].ToString();
        if (!string.IsNullOrWhiteSpace(key))
        {
            return "key:" + Fingerprint(key);
        }

        var authorization = headers.Authorization.ToString();
        return string.IsNullOrWhiteSpace(authorization) ? $"address:{http.Connection.RemoteIpAddress}" : "token:" + Fingerprint(authorization);
    }

    public static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ErrorResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, "RATE_LIMITED", PerMinuteMessage);
            return;
        }

        // The concurrency limiter gives no time: a running request usually ends within a second or two.
        var limits = Limits(http);
        http.Response.Headers.RetryAfter = "1";
        await ErrorResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
            $"This caller already has {limits.ConcurrentRequestsPerCaller} requests running and {limits.ConcurrentRequestsQueue} waiting (Api:Limits:ConcurrentRequestsPerCaller, Api:Limits:ConcurrentRequestsQueue); retry when one has ended.");
    }

    private static bool IsGraphQL(HttpContext http) => GatedPaths.Covers(http.Request.Path);

    private static LimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<LimitOptions>>().Value;

    private static string Fingerprint(string credential) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)))[..32];
}
