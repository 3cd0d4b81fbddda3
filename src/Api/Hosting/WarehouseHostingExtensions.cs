using Governance.Warehouse;
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

    private sealed class MigrateOnStartService(WarehouseMigrator migrator, IOptions<WarehouseOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            options.Value.MigrateOnStart ? migrator.MigrateAsync(cancellationToken) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
