namespace Governance.Api.Security;

public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Applies the forwarded client address and scheme sent by a known proxy (<c>Api:ForwardedHeaders</c>), first in the
    /// pipeline so that logs, the access gate and the rate limiter see the client. Only a peer with an address can be a
    /// known proxy: a Unix-socket peer's headers are never applied. A bad setting stops start-up naming it.
    /// </summary>
    public static WebApplication UseGovernanceForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = ForwardedHeadersSettings.From(app.Configuration);
        if (settings.ToOptions() is { } options)
        {
            // The middleware applies the first entry even from a peer without an address; such a peer is no known proxy.
            app.UseWhen(http => http.Connection.RemoteIpAddress is not null, branch => branch.UseForwardedHeaders(options));
        }

        return app;
    }
}
