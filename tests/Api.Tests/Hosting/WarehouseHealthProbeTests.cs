using Governance.Api.Hosting;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Tests.Hosting;

/// <summary>The shared <c>/health</c> probe on a real SQLite warehouse.</summary>
public sealed class WarehouseHealthProbeTests
{
    [Fact]
    public async Task AProbeThatTimedOutBeforeItsQueryStartedIsFollowedByAnotherThatFindsTheWarehouse()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var probe = new WarehouseHealthCheck.Probe(new SlowFirstContext(warehouse.Factory), TimeProvider.System);
        var cancellation = TestContext.Current.CancellationToken;

        // A start-up on busy cores: making the first context outlasts the probe's 5 s, so its query is cancelled at once.
        var first = await probe.ResultAsync(cancellation);
        await Task.Delay(WarehouseHealthCheck.Fresh + TimeSpan.FromMilliseconds(100), cancellation);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HealthCheckResult next;
        while ((next = await probe.ResultAsync(cancellation)).Status != HealthStatus.Healthy && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100, cancellation);
        }

        Assert.Equal((HealthStatus.Unhealthy, HealthStatus.Healthy), (first.Status, next.Status));
    }

    /// <summary>The first context takes 5.2 s to make (synchronously, as EF Core builds its model), the others none.</summary>
    private sealed class SlowFirstContext(WarehouseContextFactory inner) : IDbContextFactory<WarehouseDbContext>
    {
        private int _made;

        public WarehouseDbContext CreateDbContext()
        {
            if (Interlocked.Increment(ref _made) == 1)
            {
                Thread.Sleep(TimeSpan.FromSeconds(5.2));
            }

            return inner.CreateDbContext();
        }
    }
}
