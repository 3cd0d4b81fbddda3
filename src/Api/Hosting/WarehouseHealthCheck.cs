using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Hosting;

/// <summary>
/// Healthy when the warehouse answers a query within 5 seconds. One probe runs at a time, and its answer serves for
/// <see cref="Fresh"/>: while the next probe runs, <c>/health</c> answers the last result at once instead of queueing
/// behind heavy queries for a connection (a slow probe is then reported by the call after it ends).
/// </summary>
internal sealed class WarehouseHealthCheck(WarehouseHealthCheck.Probe probe) : IHealthCheck
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        probe.ResultAsync(cancellationToken);

    /// <summary>Runs the first probe as the server starts (after the migrations), so no <c>/health</c> call waits for one.</summary>
    internal sealed class WarmUp(Probe probe) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = probe.ResultAsync(CancellationToken.None);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The probe and its last result, shared by every /health request (a singleton).</summary>
    internal sealed class Probe(IDbContextFactory<WarehouseDbContext> factory, TimeProvider clock)
    {
        private readonly Lock _gate = new();
        private HealthCheckResult? _last;
        private DateTimeOffset _lastAt;
        private Task<HealthCheckResult>? _running;

        public Task<HealthCheckResult> ResultAsync(CancellationToken cancellationToken)
        {
            Task<HealthCheckResult> running;
            lock (_gate)
            {
                if (_last is { } last && clock.GetUtcNow() - _lastAt < Fresh)
                {
                    return Task.FromResult(last);
                }

                _running ??= RunAsync();
                running = _running;
                if (_last is { } stale)
                {
                    return Task.FromResult(stale);
                }
            }

            return running.WaitAsync(cancellationToken);
        }

        private async Task<HealthCheckResult> RunAsync()
        {
            // Never complete inside ResultAsync's `_running ??= RunAsync()`: a probe finished there (a start-up whose model
            // building outlasted the timeout, so the query was cancelled before any I/O) would be stored as running after
            // it cleared _running, and no probe would ever run again.
            await Task.Yield();
            var result = await CheckAsync();
            lock (_gate)
            {
                (_last, _lastAt, _running) = (result, clock.GetUtcNow(), null);
            }

            return result;
        }

        private async Task<HealthCheckResult> CheckAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
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
}
