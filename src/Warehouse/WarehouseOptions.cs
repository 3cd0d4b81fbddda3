using System.ComponentModel.DataAnnotations;

namespace Governance.Warehouse;

/// <summary>Settings under <c>Warehouse</c>; the connection string is <c>ConnectionStrings:Warehouse</c>.</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    public const int DefaultSqliteMemoryMapMegabytes = 128;

    public const int DefaultMaxReplicaLagSeconds = 30;

    /// <summary>The connection strings of the read replicas: a list (<c>ConnectionStrings:WarehouseReplicas:0</c>, <c>:1</c>, ...) or one string.</summary>
    public const string ReplicasSetting = "ConnectionStrings:WarehouseReplicas";

    /// <summary>The SQLite file without a <c>ConnectionStrings:Warehouse</c> setting, under the <see cref="DefaultPaths"/> root.</summary>
    public const string DefaultSqliteFile = "data/governance.db";

    /// <summary>The connection string without a setting: <paramref name="file"/> (absolute), a 30 s busy timeout, pooled connections.</summary>
    public static string DefaultSqliteConnectionString(string file) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Pooling = true }.ToString();

    /// <summary><c>Sqlite</c> (default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(WarehouseProvider.Sqlite);

    /// <summary>Seconds a database command may run.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 60;

    /// <summary>SQLite: megabytes of the warehouse file each connection reads through a memory map (0: none, read calls only).</summary>
    [Range(0, 65536)]
    public int SqliteMemoryMapMegabytes { get; set; } = DefaultSqliteMemoryMapMegabytes;

    /// <summary>
    /// PostgreSQL read replicas (<c>ConnectionStrings:WarehouseReplicas</c>): a standby further behind the primary than this
    /// is skipped by the API's reads until it catches up.
    /// </summary>
    [Range(1, 86400)]
    public int MaxReplicaLagSeconds { get; set; } = DefaultMaxReplicaLagSeconds;

    /// <summary>Whether the API applies migrations and seeds the catalogue at start.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Roll-up maintenance and use (<c>Warehouse:Rollups:Maintain</c>, <c>Warehouse:Rollups:Use</c>).</summary>
    public Rollups.RollupOptions Rollups { get; set; } = new();
}
