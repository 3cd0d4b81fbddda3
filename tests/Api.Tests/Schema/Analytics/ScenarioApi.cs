using Governance.Api.Tests.Support;
using Governance.TestSupport;

namespace Governance.Api.Tests.Schema.Analytics;

/// <summary>The API over a warehouse of its own; disposing it stops the host and drops the warehouse.</summary>
internal sealed class ScenarioApi(TestWarehouse warehouse) : IAsyncDisposable
{
    public TestWarehouse Warehouse { get; } = warehouse;

    public GovernanceApiFactory Factory { get; } = new(warehouse);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Warehouse.DisposeAsync();
    }
}
