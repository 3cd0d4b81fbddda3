using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Sources;

/// <summary>The two grouped SQL queries behind a plan: totals of the inputs, and the units expected to report.</summary>
internal static class GroupQueries
{
    /// <summary>
    /// One grouped query over all inputs of the plan (UNION ALL of the inputs, then GROUP BY group, period, role). The
    /// distinct count of reporting units is the costly column: it is left out (0) unless <paramref name="countUnits"/>.
    /// </summary>
    public static IQueryable<GroupTotal> Totals(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, bool countUnits = true)
    {
        var groups = plan.Inputs
            .Select(input => UnitFacts.For(db, scope, input))
            .Aggregate((all, next) => all.Concat(next))
            .GroupBy(f => new { f.GroupCode, f.PeriodKey, f.Role });
        return countUnits
            ? groups.Select(g => new GroupTotal { GroupCode = g.Key.GroupCode, PeriodKey = g.Key.PeriodKey, Role = g.Key.Role, Sum = g.Sum(f => f.Value), Weight = g.Sum(f => f.Weight), Meeting = g.Sum(f => f.Meets), Units = g.Select(f => f.UnitCode).Distinct().Count() })
            : groups.Select(g => new GroupTotal { GroupCode = g.Key.GroupCode, PeriodKey = g.Key.PeriodKey, Role = g.Key.Role, Sum = g.Sum(f => f.Value), Weight = g.Sum(f => f.Weight), Meeting = g.Sum(f => f.Meets) });
    }

    /// <summary>Per group and period, the areas of the plan's unit kinds inside the scope that are valid in the period.</summary>
    public static IQueryable<ExpectedUnits> Expected(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan)
    {
        var kinds = plan.UnitKinds.ToList();
        var keyLength = scope.KeyLength;
        var current = scope.Structure == AreaStructure.Current;
        var areas = AreaScope.Sources(db, scope);
        if (scope.Units is { } units)
        {
            areas = areas.Where(a => units.Contains(a.AreaCode));
        }

        var targets = db.Periods.Where(t => t.Grain == scope.Grain && t.StartDate >= scope.Start && t.EndDate <= scope.End);
        var located =
            from a in areas
            from t in targets
            where kinds.Contains(a.Kind) && a.ValidFrom <= t.EndDate && (a.ValidTo == null || a.ValidTo >= t.StartDate)
            select new
            {
                a.AreaCode,
                t.PeriodKey,
                code = current ? db.AreaLineage.Where(l => l.ReplacedCode == a.AreaCode).Select(l => l.AreaCode).Min() ?? a.AreaCode : a.AreaCode,
            };
        for (var step = 1; current && step < scope.Lineage.Steps; step++)
        {
            located = located.Select(y => new { y.AreaCode, y.PeriodKey, code = db.AreaLineage.Where(l => l.ReplacedCode == y.code).Select(l => l.AreaCode).Min() ?? y.code });
        }

        return
            from y in located
            group y.AreaCode by new { GroupCode = y.code.Substring(0, keyLength), y.PeriodKey } into g
            select new ExpectedUnits(g.Key.GroupCode, g.Key.PeriodKey, g.Distinct().Count());
    }
}
