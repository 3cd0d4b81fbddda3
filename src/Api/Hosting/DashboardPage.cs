namespace Governance.Api.Hosting;

/// <summary>
/// The dashboard at <c>/dashboard</c>: an HTML page and its script (Apache ECharts, bundled from npm at build time into
/// <c>wwwroot/dashboard</c>). The page and its assets hold no data and sit outside the access gate; the figures come
/// from <c>POST /graphql</c>, which passes the gate with the caller's key (or as the anonymous loopback caller).
/// </summary>
public static class DashboardPage
{
    public const string Path = "/dashboard";

    public const string IndexPath = "dashboard/index.html";

    /// <summary>
    /// Scripts, styles and fonts from this origin only, data from <c>/graphql</c> on it, charts exported as data and blob
    /// URLs. Inline styles stay allowed: ECharts writes its tooltip's markup with style attributes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
            }

            await next(http);
        });
        app.MapGet(Path, WriteAsync);
        return app;
    }

    private static async Task WriteAsync(HttpContext http, IWebHostEnvironment environment)
    {
        var page = environment.WebRootFileProvider.GetFileInfo(IndexPath);
        if (!page.Exists)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The dashboard is not built: run 'npm ci && npm run build' in src/Api/Dashboard (the build does this when npm is installed).", http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(page, http.RequestAborted);
    }
}
