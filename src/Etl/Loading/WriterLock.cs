using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Loading;

/// <summary>One writer at a time, held until the load's transaction ends: PostgreSQL advisory lock, SQL Server app lock; SQLite's BEGIN IMMEDIATE already is one.</summary>
internal static class WriterLock
{
    /// <summary>Arbitrary constant naming the ETL writer lock among PostgreSQL advisory locks.</summary>
    public const long PostgresKey = 0x60_7E_12_0A_E7_1L;

    public static async Task AcquireAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        switch (db.Provider)
        {
            case WarehouseProvider.Postgres:
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresKey})", cancellationToken);
                break;
            case WarehouseProvider.SqlServer:
                await db.Database.ExecuteSqlRawAsync(
                    "EXEC sp_getapplock @Resource = 'governance-etl', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1",
                    cancellationToken);
                break;
            default:
                break;
        }
    }
}
