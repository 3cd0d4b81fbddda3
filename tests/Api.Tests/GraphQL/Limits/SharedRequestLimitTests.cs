using System.Net;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace Governance.Api.Tests.GraphQL.Limits;

/// <summary>
/// <c>Api:Limits:RequestsPerMinute</c> shared through the warehouse: API instances (real Kestrel servers) on one warehouse,
/// each sent its share of one caller's requests as a round-robin balancer would, admit what one instance admits; the
/// database not answering is logged, and each instance then counts alone.
/// </summary>
[Collection(nameof(TimingSensitive))]
public sealed class SharedRequestLimitTests
{
    private const string Query = "{ indicators { code } }";
    private const string Alone = "Requests per minute are counted in this process only: the warehouse's shared counts (";
    private const string Again = "Requests per minute are counted in the warehouse again";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(WarehouseProvider.Postgres, 2, null, 40)]
    [InlineData(WarehouseProvider.Postgres, 1, null, 40)]
    [InlineData(WarehouseProvider.Sqlite, 2, "true", 40)]
    [InlineData(WarehouseProvider.Sqlite, 2, null, 80)]
    public async Task InstancesOnOneWarehouseAdmitWhatOneInstanceAdmits(WarehouseProvider provider, int instances, string? share, int admitted)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var settings = new Dictionary<string, string?> { ["Api:Limits:RequestsPerMinute"] = "40", ["Api:Limits:ShareRequestCounts"] = share };
        var hosts = new List<WebApplicationFactory<Governance.Api.GraphQL.GovernanceSchema>>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                hosts.Add(Serve(new GovernanceApiFactory(warehouse, settings), new LogSink()));
            }

            var clients = hosts.Select(h => new HttpClient { BaseAddress = Address(h) }).ToArray();
            await MinuteWithRoomAsync(TimeSpan.FromSeconds(20));
            var minute = MinuteNow();

            // 100 requests of one caller (anonymous, 127.0.0.1), split evenly as round-robin does, three at a time per instance.
            var perInstance = 100 / instances;
            var statuses = await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, 3).Select(lane => SendAsync(c, perInstance / 3 + (lane < perInstance % 3 ? 1 : 0)))));

            Assert.Equal(minute, MinuteNow());
            var all = statuses.SelectMany(s => s).ToArray();
            Assert.Equal((100, admitted, 100 - admitted), (all.Length, all.Count(s => s == HttpStatusCode.OK), all.Count(s => s == HttpStatusCode.TooManyRequests)));
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ADatabaseThatDoesNotAnswerIsLoggedAndEachInstanceCountsAloneUntilItAnswers()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        var settings = new Dictionary<string, string?> { ["Api:Limits:RequestsPerMinute"] = "5" };
        var (firstLog, secondLog) = (new LogSink(), new LogSink());
        await using var first = Serve(new GovernanceApiFactory(warehouse, settings), firstLog);
        await using var second = Serve(new GovernanceApiFactory(warehouse, settings), secondLog);
        using var a = new HttpClient { BaseAddress = Address(first) };
        using var b = new HttpClient { BaseAddress = Address(second) };
        await MinuteWithRoomAsync(TimeSpan.FromSeconds(30));
        var minute = MinuteNow();

        var alone = new List<HttpStatusCode>();
        await using (var owner = new NpgsqlConnection(warehouse.ConnectionString))
        {
            await owner.OpenAsync(Ct);
            await using var transaction = await owner.BeginTransactionAsync(Ct);
            await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {RequestCountStore.Table} IN ACCESS EXCLUSIVE MODE", owner, transaction))
            {
                await lockTable.ExecuteNonQueryAsync(Ct);
            }

            for (var i = 0; i < 7; i++)
            {
                alone.AddRange([await StatusAsync(a), await StatusAsync(b)]);
            }

            await transaction.RollbackAsync(Ct);
        }

        // Counting alone, each instance admitted the limit: 5 + 5 of the 14, and said so once.
        Assert.Equal((10, 4), (alone.Count(s => s == HttpStatusCode.OK), alone.Count(s => s == HttpStatusCode.TooManyRequests)));
        Assert.Equal((1, 1), (firstLog.Messages(LogEventLevel.Warning, Alone).Length, secondLog.Messages(LogEventLevel.Warning, Alone).Length));

        // Once the database answers again, what each admitted alone joins the shared count: the caller's minute is spent.
        await Task.Delay(SharedRequestBudgetSpell + TimeSpan.FromSeconds(1), Ct);
        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests), (await StatusAsync(a), await StatusAsync(b)));
        Assert.Equal((1, 1), (firstLog.Messages(LogEventLevel.Information, Again).Length, secondLog.Messages(LogEventLevel.Information, Again).Length));
        Assert.Equal(minute, MinuteNow());

        // 5 + 1 leased by the first, then 5 + 1 by the second: the minute's count is 12.
        await using var check = new NpgsqlConnection(warehouse.ConnectionString);
        await check.OpenAsync(Ct);
        await using var count = new NpgsqlCommand($"SELECT sum(granted)::int FROM {RequestCountStore.Table} WHERE caller = 'address:127.0.0.1'", check);
        Assert.Equal(12, await count.ExecuteScalarAsync(Ct));
    }

    private static TimeSpan SharedRequestBudgetSpell => Governance.Api.GraphQL.Limits.SharedRequestBudget.LocalSpell;

    /// <summary>The host on a real Kestrel server at 127.0.0.1 (a free port, pinned in the settings), logging to <paramref name="log"/>.</summary>
    private static WebApplicationFactory<Governance.Api.GraphQL.GovernanceSchema> Serve(GovernanceApiFactory api, ILogEventSink log)
    {
        var host = api.WithWebHostBuilder(b => b.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0").ConfigureServices(s => s.AddSingleton(log)));
        host.UseKestrel();
        host.StartServer();
        return host;
    }

    private static Uri Address(WebApplicationFactory<Governance.Api.GraphQL.GovernanceSchema> host)
    {
        using var client = host.CreateClient();
        return client.BaseAddress!;
    }

    private static async Task<List<HttpStatusCode>> SendAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add(await StatusAsync(client));
        }

        return statuses;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.SendQueryAsync(Query);
        return response.StatusCode;
    }

    private static long MinuteNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;

    /// <summary>The limit's minutes are Unix minutes: start where at least <paramref name="room"/> is left of the current one.</summary>
    private static async Task MinuteWithRoomAsync(TimeSpan room)
    {
        var left = TimeSpan.FromSeconds(60 - (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 60_000 / 1000.0));
        if (left < room)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(100), Ct);
        }
    }
}
