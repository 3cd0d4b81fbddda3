using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// Answers the two grouped queries of a plan (<see cref="GroupQueries"/>) from the roll-ups, with the rows the fact path
/// gives, when one rule says they cover it. The request's side (<see cref="Covers(PlanShape)"/>, over
/// <see cref="PlanShape"/>): the structure is as reported (CURRENT maps history onto today's areas through the lineage,
/// which the roll-ups do not hold: the facts answer it), no page of units is asked for, the rows lie above the level the
/// indicator and each of its inputs are reported at, and the caller's access scope is whole areas at that level (each of
/// its prefixes no longer than the level's codes), so every group is all visible or all hidden. Thresholds in force are
/// no condition: the roll-ups count each fact against the dated threshold in force for it, as the facts' SQL does, and a
/// change of thresholds refreshes them. The database's side (<see cref="RollupSnapshot"/>): the roll-ups are current
/// (agg_state at the warehouse version), every input is kept at the grain, and expected units only inside the kept years.
/// </summary>
#pragma warning disable IDE0057 // Expression trees for EF: a range does not translate, Substring does.
internal static class RollupReader
{
    /// <summary>The request's side of the rule: what <see cref="PlanShape"/> says.</summary>
    public static bool Covers(PlanShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape is { Structure: AreaStructure.AsReported, RequestUnits: false, CallerSeesGroupsWhole: true, AboveUnitLevels: true };
    }

    /// <summary>The whole rule in one call (the snapshot read afresh): the coverage, or null when the facts answer.</summary>
    public static async Task<RollupCoverage?> CoverAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken) =>
        Covers(PlanShape.Of(scope, plan, new SourceNeeds()))
            ? (await RollupSnapshot.ReadAsync(db, cancellationToken)).Cover(scope, plan)
            : null;

    /// <summary>The totals of the plan's inputs per group, period and role, as <see cref="GroupQueries.Totals"/> gives them.</summary>
    public static IQueryable<GroupTotal> Totals(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, RollupCoverage coverage, bool countUnits = true)
    {
        var level = (int)scope.Level;
        var keyLength = scope.KeyLength;
        var targets = Targets(db, scope);
        return plan.Inputs
            .Select((input, i) =>
            {
                var (sk, sumScale) = coverage.Inputs[i];
                var role = input.Role;
                var factor = Math.Pow(10, sumScale);
                return
                    from t in Within(db.RollupTotals.Where(t => t.InputSk == sk && t.AreaLevel == level), scope)
                    join p in targets on t.PeriodSk equals p.PeriodSk
                    select new GroupTotal
                    {
                        GroupCode = t.AreaCode.Substring(0, keyLength),
                        PeriodKey = p.PeriodKey,
                        Role = role,
                        Sum = (double)t.ValueSum / factor,
                        Weight = (double)t.WeightSum / 10000.0,
                        Meeting = t.MeetingCount,
                        Units = countUnits ? t.UnitCount : 0,
                    };
            })
            .Aggregate((all, next) => all.Concat(next));
    }

    /// <summary>The expected units per group and period, as <see cref="GroupQueries.Expected"/> gives them.</summary>
    public static IQueryable<ExpectedUnits> Expected(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan)
    {
        var (level, keyLength, capture, grain) = ((int)scope.Level, scope.KeyLength, plan.Indicator.CaptureLevel, scope.Grain);
        return
            from e in Within(db.RollupExpected.Where(e => e.CaptureLevel == capture && e.Grain == grain && e.AreaLevel == level), scope)
            join p in Targets(db, scope) on e.PeriodSk equals p.PeriodSk
            select new ExpectedUnits(e.AreaCode.Substring(0, keyLength), p.PeriodKey, e.UnitCount);
    }

    /// <summary>The target periods of the fact path: the periods of the grain wholly inside the request.</summary>
    private static IQueryable<Period> Targets(WarehouseDbContext db, QueryScope scope) =>
        db.Periods.Where(t => t.Grain == scope.Grain && t.StartDate >= scope.Start && t.EndDate <= scope.End);

    private static IQueryable<RollupTotal> Within(IQueryable<RollupTotal> rows, QueryScope scope)
    {
        if (scope.Prefix.Length > 0)
        {
            var (first, last) = AreaScope.CodeRange(scope.Prefix);
            rows = rows.Where(t => t.AreaCode.CompareTo(first) >= 0 && t.AreaCode.CompareTo(last) <= 0);
        }

        return AccessChecks.Visible(rows, scope.Caller, t => t.AreaCode);
    }

    private static IQueryable<RollupExpected> Within(IQueryable<RollupExpected> rows, QueryScope scope)
    {
        if (scope.Prefix.Length > 0)
        {
            var (first, last) = AreaScope.CodeRange(scope.Prefix);
            rows = rows.Where(e => e.AreaCode.CompareTo(first) >= 0 && e.AreaCode.CompareTo(last) <= 0);
        }

        return AccessChecks.Visible(rows, scope.Caller, e => e.AreaCode);
    }
}
#pragma warning restore IDE0057
