using Governance.Api.GraphQL.Caching;
using Governance.Api.Security;
using Governance.Warehouse.Security;
using OpenTelemetry.Metrics;

namespace Governance.Api.Hosting;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format: the API's own instruments (the answer cache's hits, misses, size; the
/// newest warehouse version seen) and ASP.NET Core's request and connection meters. It passes the access gate like
/// <c>/graphql</c> and is served to the operator and admin roles only (403 to the others).
/// </summary>
public static class MetricsExtensions
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddGovernanceMetrics(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AnswerCache.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>After the access gate (<see cref="SecurityServiceExtensions.UseGovernanceSecurity"/>), which sets the caller's scope for <c>/metrics</c>.</summary>
    public static WebApplication UseGovernanceMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null, predicate: null, path: Path, configureBranchedPipeline: branch => branch.Use(OperatorsOnlyAsync), optionsName: null);
        return app;
    }

    private static async Task OperatorsOnlyAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Items[typeof(AccessScope)] is AccessScope { Role: AccessRole.Operator or AccessRole.Admin })
        {
            await next(http);
            return;
        }

        await ErrorResponse.WriteAsync(http, StatusCodes.Status403Forbidden, "FORBIDDEN", "The metrics are served to the operator and admin roles only.");
    }
}
