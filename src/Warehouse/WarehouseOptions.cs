using System.ComponentModel.DataAnnotations;

namespace Governance.Warehouse;

/// <summary>Settings under <c>Warehouse</c>; the connection string is <c>ConnectionStrings:Warehouse</c>.</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    public const int DefaultSqliteMemoryMapMegabytes = 128;

    public const string DefaultSqliteConnectionString = "Data Source=data/governance.db;Default Timeout=30;Pooling=True";

    /// <summary><c>Sqlite</c> (default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(WarehouseProvider.Sqlite);

    /// <summary>Seconds a database command may run.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 60;

    /// <summary>SQLite: megabytes of the warehouse file each connection reads through a memory map (0: none, read calls only).</summary>
    [Range(0, 65536)]
    public int SqliteMemoryMapMegabytes { get; set; } = DefaultSqliteMemoryMapMegabytes;

    /// <summary>Whether the API applies migrations and seeds the catalogue at start.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
