namespace Governance.Warehouse;

/// <summary>The database engines the warehouse runs on (setting <c>Warehouse:Provider</c>).</summary>
public enum WarehouseProvider
{
    Sqlite = 1,
    Postgres = 2,
    SqlServer = 3,
}
