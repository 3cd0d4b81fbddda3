using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.Hosting;

public sealed class ThreadPoolReserveTests
{
    [Theory]
    [InlineData("many")]
    [InlineData("0")]
    [InlineData("5000")]
    public async Task ABadThreadReserveStopsStartUpNamingTheSetting(string value)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Api:MinimumThreads"] = value });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => api.CreateClient());

        Assert.Equal($"Setting Api:MinimumThreads is '{value}': a number of worker threads from 1 to 4096 was expected.", error.Message);
    }

    /// <summary>
    /// The reserve asked for is above the default (64) that every other API of the test process sets, and above the
    /// runtime's own minimum (the core count), so only this start-up can have raised the pool to it.
    /// </summary>
    [Fact]
    public async Task TheServerKeepsTheReserveOfWorkerThreads()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Api:MinimumThreads"] = "200" });
        using var client = api.CreateClient();

        ThreadPool.GetMinThreads(out var workers, out var completionPorts);

        Assert.True(workers >= 200 && completionPorts >= 200, $"The thread pool keeps {workers} workers and {completionPorts} completion-port threads ready.");
    }
}
