using Governance.Etl.Scheduling;
using Governance.Etl.Tests.Support;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Scheduling;

/// <summary>With the warehouse unreachable (PostgreSQL on a closed port), an inbox pass fails each file in one logged line, keeps it in the inbox for the next run, and throws nothing.</summary>
public sealed class UnreachableWarehouseInboxTests
{
    [Fact]
    public async Task AFileIsFailedInOneLineAndStaysInTheInboxWhenNoBatchCanBeWritten()
    {
        using var folder = new TempFolder();
        var inbox = Directory.CreateDirectory(folder.File("inbox")).FullName;
        var file = folder.Write("inbox/values.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20"));
        var port = FreePort();
        var logs = new LogLines();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:Provider"] = "Postgres",
            ["ConnectionStrings:Warehouse"] = $"Host=127.0.0.1;Port={port};Username=nobody;Password=x;Database=governance;Timeout=3",
            ["Etl:Inbox"] = inbox,
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddSingleton<IConfiguration>(configuration);
        services.AddWarehouse(configuration);
        services.AddEtl();
        services.AddEtlSchedule(configuration);
        await using var provider = services.BuildServiceProvider();

        var outcomes = await provider.GetRequiredService<InboxLoader>().RunAsync(TestContext.Current.CancellationToken);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(("values.csv", LoadBatchStatus.Failed, (long?)null, file, (string?)null), (outcome.FileName, outcome.Result.Status, outcome.Result.LoadBatchId, outcome.MovedTo, outcome.ReportPath));
        Assert.StartsWith($"导入未开始 / the load did not start: NpgsqlException: Failed to connect to 127.0.0.1:{port}", outcome.Result.Message, StringComparison.Ordinal);
        Assert.Equal(["values.csv"], Directory.EnumerateFileSystemEntries(inbox).Select(Path.GetFileName));
        Assert.Contains(logs.Lines, l => l.StartsWith("Error values.csv: 导入未开始", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("   at ", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Every log entry of the project's own loggers (EF Core's are not the loader's to word) as "Level message" followed by its exception, if any.</summary>
    private sealed class LogLines : ILoggerProvider, ILogger
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => categoryName.StartsWith("Governance.", StringComparison.Ordinal) ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add($"{logLevel} {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }

        public void Dispose()
        {
        }
    }
}
