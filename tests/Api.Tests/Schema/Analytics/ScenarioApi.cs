using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.Schema.Analytics;

/// <summary>The API over a warehouse of its own; disposing it stops the host and drops the warehouse.</summary>
internal sealed class ScenarioApi(TestWarehouse warehouse) : IAsyncDisposable
{
    public TestWarehouse Warehouse { get; } = warehouse;

    public GovernanceApiFactory Factory { get; } = new(warehouse);

    /// <summary>The API on a fresh warehouse holding the SEMANTICS.md scenario.</summary>
    public static async Task<ScenarioApi> CreateAsync(WarehouseProvider provider)
    {
        var warehouse = await TestWarehouse.CreateAsync(provider);
        await SemanticsScenario.LoadAsync(warehouse);
        return new ScenarioApi(warehouse);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Warehouse.DisposeAsync();
    }
}
