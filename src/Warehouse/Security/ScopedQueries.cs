using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;

namespace Governance.Warehouse.Security;

/// <summary>
/// The rows an <see cref="AccessScope"/> may see: the query engine passes its request's caller; the API's lists use the
/// current request's scope. Outside a request (ETL, tools) every row.
/// </summary>
public static class ScopedQueries
{
    /// <summary>Areas inside the current request's scope: lists, lookups by code, children, series.</summary>
    public static IQueryable<Area> VisibleAreas(this WarehouseDbContext db) => db.VisibleAreas(AccessScope.Current);

    /// <summary>Areas inside <paramref name="caller"/>'s scope (null: every area): the query engine passes its request's caller.</summary>
    public static IQueryable<Area> VisibleAreas(this WarehouseDbContext db, AccessScope? caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AccessChecks.Visible(db.Areas, caller);
    }

    /// <summary>Areas inside the scope and those enclosing it: the labels of roll-ups above the scope (parent, ancestors).</summary>
    public static IQueryable<Area> LabelAreas(this WarehouseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (AccessScope.Current is not { IsEverything: false } scope)
        {
            return db.Areas;
        }

        var enclosing = scope.EnclosingCodes;
        return db.Areas.Where(a => enclosing.Contains(a.AreaCode)).Concat(AccessChecks.Visible(db.Areas, scope));
    }

    /// <summary>
    /// Load batches for operators and admins. A scoped key sees a batch when every area code its file named lies inside
    /// the scope (its <see cref="LoadBatch.AreaCodePrefix"/> starts with a prefix of the scope), whatever became of it:
    /// loaded, rejected, failed or a dry run. A batch naming areas beyond the scope is not shown to it. A batch without a
    /// prefix (loaded before the column existed, or a file that named no area) is shown when it wrote facts, all inside.
    /// </summary>
    public static IQueryable<LoadBatch> VisibleLoadBatches(this WarehouseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (AccessScope.Current is not { } scope)
        {
            return db.LoadBatches;
        }

        AccessChecks.RequireLoadRead(scope);

        if (scope.IsEverything)
        {
            return db.LoadBatches;
        }

        var named = db.LoadBatches.Where(b => b.AreaCodePrefix != null).Where(scope.Filter<LoadBatch>(b => b.AreaCodePrefix!));
        var visible = db.VisibleAreas().Select(a => a.AreaSk);
        var older = db.LoadBatches.Where(b =>
            b.AreaCodePrefix == null
            && db.IndicatorValues.Any(v => v.LoadBatchId == b.LoadBatchId)
            && !db.IndicatorValues.Any(v => v.LoadBatchId == b.LoadBatchId && !visible.Contains(v.AreaSk)));
        return named.Concat(older);
    }
}
