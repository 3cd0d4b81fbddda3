using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Hosting;

/// <summary>Healthy when the warehouse answers a query within the check's time.</summary>
internal sealed class WarehouseHealthCheck(IDbContextFactory<WarehouseDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var db = await factory.CreateDbContextAsync(timeout.Token);
            var indicators = await db.Indicators.CountAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{db.Provider} warehouse answers; {indicators} indicators in the catalogue.");
        }
#pragma warning disable CA1031 // Any failure to answer means unhealthy; the reason is reported, not thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The warehouse does not answer.", e);
        }
    }
}
