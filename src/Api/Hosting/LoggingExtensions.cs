using Serilog;

namespace Governance.Api.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog, configured from the <c>Serilog</c> section; structured console output by default.</summary>
    public static WebApplicationBuilder AddGovernanceLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // preserveStaticLogger: this host's framework logs go to this host's logger. Without it every host writes through
        // the static Log.Logger, which the last host started in the process (another test's) owns.
        builder.Services.AddSerilog(Configure, preserveStaticLogger: true);
        return builder;

        void Configure(IServiceProvider services, LoggerConfiguration logger)
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();

            // A taken port is told in one line by AddressInUse, not by the host's error event with its stack trace.
            logger.Filter.ByExcluding(e => AddressInUse.Is(e.Exception));
            if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists())
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }
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
