using Governance.Warehouse;

namespace Governance.Etl.Loading;

/// <summary>One column of a temporary table written through <see cref="BulkRows"/>; <paramref name="Wide"/> text may pass 450 characters (SQL Server cannot index it).</summary>
internal sealed record BulkColumn(string Name, BulkType Type, bool Nullable = false, bool Key = false, bool Wide = false)
{
    /// <summary>The column's definition in a CREATE TABLE of the engine.</summary>
    public string Definition(WarehouseProvider provider)
    {
        var type = (provider, Type) switch
        {
            (WarehouseProvider.Postgres, BulkType.Long) => "bigint",
            (WarehouseProvider.Postgres, BulkType.Int) => "integer",
            (WarehouseProvider.Postgres, BulkType.Text) => "text",
            (WarehouseProvider.Postgres, BulkType.Date) => "date",
            (WarehouseProvider.SqlServer, BulkType.Long) => "bigint",
            (WarehouseProvider.SqlServer, BulkType.Int) => "int",
            // A #table takes tempdb's collation: comparing it with the warehouse's columns needs the database's.
            (WarehouseProvider.SqlServer, BulkType.Text) => Wide ? "nvarchar(max) COLLATE DATABASE_DEFAULT" : "nvarchar(450) COLLATE DATABASE_DEFAULT",
            (WarehouseProvider.SqlServer, BulkType.Date) => "date",
            (_, BulkType.Long or BulkType.Int) => "INTEGER",
            _ => "TEXT",
        };
        return $"{Name} {type} {(Nullable ? "NULL" : "NOT NULL")}{(Key ? " PRIMARY KEY" : "")}";
    }
}
