using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.Support;

/// <summary>One API over one SQLite warehouse, shared by the tests of a class that only read.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private TestWarehouse? _warehouse;

    public GovernanceApiFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        Factory = new GovernanceApiFactory(_warehouse);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
        }
    }
}
