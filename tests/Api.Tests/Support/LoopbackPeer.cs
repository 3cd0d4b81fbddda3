using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Support;

/// <summary>
/// Gives the in-memory test server's requests, which come from no socket, the loopback address of a developer's local
/// client, ahead of the API's own pipeline. Requests to a real Kestrel server keep their real peer.
/// </summary>
internal sealed class LoopbackPeer : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var inMemory = app.ApplicationServices.GetService<IServer>() is TestServer;
        app.Use((http, nextMiddleware) =>
        {
            if (inMemory && http.Connection.RemoteIpAddress is null)
            {
                http.Connection.RemoteIpAddress = IPAddress.Loopback;
            }

            return nextMiddleware(http);
        });
        next(app);
    };
}
