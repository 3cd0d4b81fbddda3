using Governance.Warehouse;

namespace Governance.TestSupport;

/// <summary>Theory data: the engines every database test runs on.</summary>
public static class Engines
{
    public static TheoryData<WarehouseProvider> All => new(WarehouseProvider.Sqlite, WarehouseProvider.Postgres);
}
