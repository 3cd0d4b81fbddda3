using System.Globalization;
using System.Threading.RateLimiting;
using Governance.Api.GraphQL.Limits;
using Microsoft.Extensions.Options;

namespace Governance.Api.Security;

/// <summary>
/// Failed authentications per client address per minute (<c>Api:Limits:FailedAuthenticationsPerMinute</c>): past the
/// limit, an address's further attempts with credentials are 429 before their key is looked up, so guessing keys
/// costs the warehouse at most that many lookups a minute per address.
/// </summary>
public sealed class FailedAuthentications(IOptions<LimitOptions> options) : IDisposable
{
    private readonly int _limit = options.Value.FailedAuthenticationsPerMinute;

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedAuthenticationsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>The client address (a known proxy's forwarded one); a peer without one (a Unix socket) is "none".</summary>
    public static string AddressOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "none";
    }

    /// <summary>Whether the address may try credentials now; if not, the seconds until it may (for Retry-After).</summary>
    public bool MayTry(string address, out string retryAfter)
    {
        retryAfter = string.Empty;
        if (_limit == 0)
        {
            return true;
        }

        using var lease = _failures.AttemptAcquire(address, 0);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : "60";
        return false;
    }

    public void Record(string address)
    {
        if (_limit > 0)
        {
            using var lease = _failures.AttemptAcquire(address);
        }
    }

    public void Dispose() => _failures.Dispose();
}
