using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Governance.Api.Tests.GraphQL.Limits;

/// <summary>A client that stops sending mid-body and closes (as a load driver does at its end), on a real Kestrel server.</summary>
public sealed class TruncatedBodyTests
{
    [Fact]
    public async Task AClientGoneMidBodyIsNoServerError()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        var log = new CollectingSink();
        // The port is pinned here, on the builder: UseKestrel(0) on a WithWebHostBuilder factory left the server on
        // Kestrel's default address (localhost:5000), taken whenever an API runs on this machine.
        await using var logged = api.WithWebHostBuilder(b => b.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0").ConfigureServices(s => s.AddSingleton<ILogEventSink>(log)));
        logged.UseKestrel();
        logged.StartServer();
        var address = logged.CreateClient().BaseAddress!;
        Assert.NotNull(logged.Services.GetService<Serilog.ILogger>());
        var cancellation = TestContext.Current.CancellationToken;

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(address.Host, address.Port, cancellation);
            const string Head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Head + """{"query":"{ indic"""), cancellation);
            tcp.Client.Shutdown(SocketShutdown.Send);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await reader.ReadToEndAsync(cancellation);
        }

        var completed = await log.RequestCompletedAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((LogEventLevel.Information, "499"), (completed.Level, completed.Properties["StatusCode"].ToString()));
        Assert.DoesNotContain(log.Events, e => e.Level >= LogEventLevel.Error);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

        /// <summary>The request log event of the first completed request (bounded wait: the server finishes it after the client is gone).</summary>
        public async Task<LogEvent> RequestCompletedAsync(TimeSpan bound)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (Events.FirstOrDefault(e => e.Properties.ContainsKey("StatusCode")) is { } completed)
                {
                    return completed;
                }

                Assert.True(clock.Elapsed < bound, $"no request completed within {bound.TotalSeconds} s");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }
}
