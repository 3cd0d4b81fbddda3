using Governance.Etl.Loading;
using Governance.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;

namespace Governance.Etl;

/// <summary>Builds the service provider the commands run in: the same settings as the API (appsettings.json, environment, GOVERNANCE_ variables).</summary>
public static class EtlHost
{
    /// <summary>The host of a command that reads or writes the warehouse: a new SQLite file is migrated first, a server warehouse behind its migrations is an error saying what to run.</summary>
    public static async Task<IHost> BuildCurrentAsync(CancellationToken cancellationToken)
    {
        var host = Build();
        try
        {
            await host.Services.GetRequiredService<WarehouseMigrator>().EnsureCurrentAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public static IHost Build(string[]? settings = null, Action<HostApplicationBuilder>? configure = null)
    {
        // Below every other source: a load reads the fact table through read calls, not a memory map, so that the
        // loader's resident memory stays flat at any warehouse size (mapped pages count in RSS). A setting may map anyway.
        var defaults = new ConfigurationManager();
        defaults.AddInMemoryCollection(new Dictionary<string, string?> { ["Warehouse:SqliteMemoryMapMegabytes"] = "0" });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings ?? [],
            ContentRootPath = AppContext.BaseDirectory,
            Configuration = defaults,
        });
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        // Framework chatter (EF Core logs every SQL command at Information) stays out of an operator's console unless
        // the Serilog section asks for it; the configuration is read after these defaults and overrides them.
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("System", Serilog.Events.LogEventLevel.Warning)
            // A failed command or connection is thrown to the command that ran it, which reports it in one line and
            // writes the exception to a log file; EF Core's own Error event would put the stack trace on the console too.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database", Serilog.Events.LogEventLevel.Fatal)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Update", Serilog.Events.LogEventLevel.Fatal)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Query", Serilog.Events.LogEventLevel.Fatal)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            preserveStaticLogger: true);
        builder.Services.AddWarehouse(builder.Configuration);
        builder.Services.AddEtl();
        configure?.Invoke(builder);
        var host = builder.Build();
        try
        {
            // The commands do not start the host, so its start-up validation would not run: read the settings now.
            _ = host.Services.GetRequiredService<IOptions<LoadingOptions>>().Value;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            host.Dispose();
            throw new WarehouseConfigurationException(e.Message, e);
        }

        return host;
    }
}
