namespace Governance.Api.GraphQL;

/// <summary>The GraphiQL page (bundled from npm at build time into <c>wwwroot/graphiql</c>), served to browsers asking <c>/graphql</c> for HTML.</summary>
public static class GraphiQLPage
{
    public const string IndexPath = "graphiql/index.html";

    public static async Task WriteAsync(HttpContext http, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(environment);
        var page = environment.WebRootFileProvider.GetFileInfo(IndexPath);
        if (!page.Exists)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("GraphiQL is not built: run 'npm ci && npm run build' in src/Api/GraphiQL (the build does this when npm is installed).", http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(page, http.RequestAborted);
    }
}
