using System.Collections.Concurrent;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace Governance.Api.Tests.Hosting;

/// <summary>Two API hosts in one process (as tests run them) write their framework logs to their own Serilog loggers.</summary>
public sealed class LoggingIsolationTests
{
    [Fact]
    public async Task AHostsFrameworkLogsReachItsOwnSinksOnly()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var first = new GovernanceApiFactory(warehouse);
        await using var second = new GovernanceApiFactory(warehouse);
        var firstSink = new CollectingSink();
        var secondSink = new CollectingSink();
        await using var firstHost = first.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(firstSink)));
        await using var secondHost = second.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(secondSink)));
        firstHost.CreateClient().Dispose();
        secondHost.CreateClient().Dispose();

        firstHost.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Isolation").LogError("from the first host");
        secondHost.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Isolation").LogError("from the second host");

        Assert.Equal(["from the first host"], firstSink.Messages("Isolation"));
        Assert.Equal(["from the second host"], secondSink.Messages("Isolation"));
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        public string[] Messages(string sourceContext) =>
            [.. _events
                .Where(e => e.Properties.TryGetValue("SourceContext", out var source) && source.ToString() == $"\"{sourceContext}\"")
                .Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
