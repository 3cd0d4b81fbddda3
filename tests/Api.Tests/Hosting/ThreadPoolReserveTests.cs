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

    [Fact]
    public async Task TheServerKeepsTheReserveOfWorkerThreads()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Api:MinimumThreads"] = "48" });
        using var client = api.CreateClient();

        ThreadPool.GetMinThreads(out var workers, out _);

        Assert.True(workers >= 48, $"The thread pool keeps {workers} workers ready.");
    }
}
