using Governance.Warehouse;
using Governance.Warehouse.Querying;
using Governance.Warehouse.Replicas;
using Microsoft.Extensions.Options;

namespace Governance.Api.Hosting;

public static class WarehouseHostingExtensions
{
    /// <summary>The warehouse of the configured provider; migrations and the catalogue seed run at start unless <c>Warehouse:MigrateOnStart</c> is false.</summary>
    public static WebApplicationBuilder AddWarehouse(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddWarehouse(builder.Configuration);
        builder.Services.AddOptions<WarehouseOptions>().BindConfiguration(WarehouseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<MigrateOnStartService>();
        // The API's reads: one server per request (a usable read replica in turn, else the primary), checked every second.
        builder.Services.AddSingleton<ReplicaRouter>();
        builder.Services.AddScoped<WarehouseReadSession>();
        builder.Services.AddQueryEngine(sp => sp.GetRequiredService<WarehouseReadSession>());
        builder.Services.AddHostedService<ReplicaMonitorService>();
        builder.Services.AddSingleton<WarehouseHealthCheck.Probe>();
        builder.Services.AddHostedService<WarehouseHealthCheck.WarmUp>();
        builder.Services.AddHealthChecks().AddCheck<WarehouseHealthCheck>("warehouse");
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return app;
    }

    /// <summary>Checks every read replica each second (<see cref="ReplicaRouter.CheckInterval"/>); nothing to do without replicas.</summary>
    private sealed class ReplicaMonitorService(ReplicaRouter router, TimeProvider clock, ILogger<ReplicaMonitorService> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (router.Replicas.Count == 0)
            {
                return;
            }

            logger.LogInformation("Reads go to {Count} replica(s) once checked ({Replicas}), to the primary when none is usable; Warehouse:MaxReplicaLagSeconds {MaxLag}",
                router.Replicas.Count, string.Join(", ", router.Replicas.Select(r => r.Name)), router.MaxLagSeconds);
            using var timer = new PeriodicTimer(ReplicaRouter.CheckInterval, clock);
            do
            {
                await router.CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
    }

    private sealed class MigrateOnStartService(WarehouseMigrator migrator, IOptions<WarehouseOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            options.Value.MigrateOnStart ? migrator.MigrateAsync(cancellationToken) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
