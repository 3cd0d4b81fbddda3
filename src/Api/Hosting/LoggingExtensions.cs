using Serilog;

namespace Governance.Api.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog, configured from the <c>Serilog</c> section; structured console output by default.</summary>
    public static WebApplicationBuilder AddGovernanceLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists())
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }

    /// <summary>One log event per request, with its id, status and time.</summary>
    public static WebApplication UseGovernanceRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSerilogRequestLogging(options =>
        {
            options.EnrichDiagnosticContext = (context, http) => context.Set("RequestId", http.TraceIdentifier);

            // This host's logger rather than the static one, which another host in the process (a test) may have replaced.
            options.Logger = app.Services.GetService<Serilog.ILogger>();
        });
        return app;
    }
}
