using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Anonymous access (on in these tests, as in Development) serves a caller on this machine only: not a reverse proxy's
/// callers, whether the proxy connects over a Unix socket or over loopback, known to the API or not. Real Kestrel servers.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Query = "{ indicators { code } }";

    [Fact]
    public async Task ARequestOverAUnixSocketIsNotAnonymousLocalAccess()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var socket = Path.Combine(Path.GetTempPath(), $"governance-{Guid.NewGuid():N}.sock");
        await using var api = new GovernanceApiFactory(warehouse);
        api.UseKestrel(o => o.ListenUnixSocket(socket));
        api.StartServer();
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await unix.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellationToken);
                return new NetworkStream(unix, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };

        using var response = await client.PostAsJsonAsync("/graphql", new { query = Query }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        File.Delete(socket);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.OK)]
    [InlineData("X-Forwarded-For", "203.0.113.7", HttpStatusCode.Unauthorized)]
    [InlineData("X-Forwarded-For", "127.0.0.1", HttpStatusCode.Unauthorized)]
    [InlineData("Forwarded", "for=203.0.113.7", HttpStatusCode.Unauthorized)]
    [InlineData("X-Real-IP", "203.0.113.7", HttpStatusCode.Unauthorized)]
    public async Task ALoopbackPeerForwardingForSomeoneIsNotLocalWhenNoProxyIsKnown(string? header, string? value, HttpStatusCode expected)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = OverLoopback(api);

        using var response = await PostAsync(client, header is null ? [] : [(header, value!)]);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7", HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1, 203.0.113.7", HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task BehindAKnownProxyTheForwardedClientDecides(string forwardedFor, HttpStatusCode expected)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Api:ForwardedHeaders:KnownProxies"] = "127.0.0.1" });
        using var client = OverLoopback(api);

        using var response = await PostAsync(client, ("X-Forwarded-For", forwardedFor));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task BehindAKnownProxyEachForwardedClientHasItsOwnRateLimit()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?>
        {
            ["Api:ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
            ["Api:Limits:RequestsPerMinute"] = "2",
        });
        using var client = OverLoopback(api);

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(client, ("X-Forwarded-For", "127.0.0.2"));
            first.Add(response.StatusCode);
        }

        using var second = await PostAsync(client, ("X-Forwarded-For", "127.0.0.3"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData("Api:ForwardedHeaders:KnownProxies", "nginx", "Setting Api:ForwardedHeaders:KnownProxies names 'nginx', which is not an IP address.")]
    [InlineData("Api:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "Setting Api:ForwardedHeaders:KnownNetworks names '10.0.0.0/33', which is not a network in CIDR notation (such as 10.0.0.0/8).")]
    public async Task ABadProxySettingStopsStartUpNamingIt(string setting, string value, string message)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { [setting] = value });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => api.CreateClient());

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("Testing", "true", 1)]
    [InlineData("Production", "true", 1)]
    [InlineData("Development", "true", 0)]
    [InlineData("Testing", "false", 0)]
    public async Task AnonymousAccessOutsideDevelopmentIsAStartUpWarning(string environment, string allowAnonymous, int warnings)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var sink = new CollectingSink();
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = allowAnonymous })
            .WithWebHostBuilder(b => b.UseEnvironment(environment).ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink)));

        api.CreateClient().Dispose();

        var logged = sink.Events.Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Auth:AllowAnonymous is on", StringComparison.Ordinal)).ToList();
        Assert.Equal(warnings, logged.Count);
        Assert.All(logged, e => Assert.Equal(
            $"Auth:AllowAnonymous is on in the \"{environment}\" environment: callers without credentials are served as \"admin\" of every area when they connect from loopback directly (not over a Unix socket, not forwarded by a proxy). Anonymous access is a development convenience; set Auth:AllowAnonymous=false anywhere else.",
            e.RenderMessage(CultureInfo.InvariantCulture)));
    }

    /// <summary>A client of the API served by Kestrel on 127.0.0.1, so that the peer is a real loopback socket.</summary>
    private static HttpClient OverLoopback(GovernanceApiFactory api)
    {
        api.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IEnumerable<LogEvent> Events => _events;

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
