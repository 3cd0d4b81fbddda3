using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Statistics;

namespace Governance.Warehouse.Querying.Sources;

/// <summary>
/// Builds the translatable query of the facts that feed a request: each base fact joined to the target periods it falls
/// in, stocks reduced to each unit's last value in the target period, thresholds and weights attached. Values are cast
/// to double in SQL: SQLite cannot aggregate decimals, and double keeps 15 significant digits, exact for 万元 sums at
/// four decimals below 10^11.
/// </summary>
internal static class UnitFacts
{
    public static IQueryable<UnitFact> For(WarehouseDbContext db, QueryScope scope, QueryInput input)
    {
        var sk = input.Base.IndicatorSk;
        var native = input.Base.NativeGrain;
        var areas = AreaScope.Sources(db, scope);
        var keyLength = scope.KeyLength;
        var current = scope.Structure == AreaStructure.Current;
        var (lowSk, highSk) = SurrogateRange(scope);
        var targets = db.Periods.Where(t => t.Grain == scope.Grain && t.StartDate >= scope.Start && t.EndDate <= scope.End);

        // At the native grain a fact's own period is its target period: an equi-join, no date-range join. The target
        // periods' keys are computable, so the facts are filtered by their list rather than through a filtered join of
        // the period dimension, whose row estimate misleads PostgreSQL's planner into a nested loop over the areas.
        var atNativeGrain = input.Mode == WindowMode.Inside && scope.Grain == native;
        var targetSks = atNativeGrain ? TargetSks(scope) : [];
        var facts = atNativeGrain
            ? from v in db.IndicatorValues
              join a in areas on v.AreaSk equals a.AreaSk
              join t in db.Periods on v.PeriodSk equals t.PeriodSk
              where v.IndicatorSk == sk && targetSks.Contains(v.PeriodSk)
              select new { v, a, p = t, t }
            : from v in db.IndicatorValues
              join a in areas on v.AreaSk equals a.AreaSk
              join p in db.Periods on v.PeriodSk equals p.PeriodSk
              from t in targets
              where v.IndicatorSk == sk && v.PeriodSk >= lowSk && v.PeriodSk <= highSk && p.Grain == native
              select new { v, a, p, t };

        if (scope.Units is { } units)
        {
            facts = facts.Where(x => units.Contains(x.a.AreaCode));
        }

        facts = input.Mode switch
        {
            _ when atNativeGrain => facts,
            WindowMode.YearToDate => facts.Where(x => x.p.Year == x.t.Year && x.p.EndDate <= x.t.EndDate),
            WindowMode.Containing => facts.Where(x => x.p.StartDate <= x.t.StartDate && x.p.EndDate >= x.t.EndDate),
            _ => facts.Where(x => x.p.StartDate >= x.t.StartDate && x.p.EndDate <= x.t.EndDate),
        };

        // At the native grain each target period holds one fact per unit, so the last-value filter is only needed for coarser grains.
        if (input.Base.TimeAggregation == TimeAggregation.Last && (input.Mode == WindowMode.YearToDate || (input.Mode == WindowMode.Inside && scope.Grain != native)))
        {
            // A stock counts each unit's last value in the target period: no later fact of the same unit inside it.
            facts = facts.Where(x => !(
                from v2 in db.IndicatorValues
                join a2 in db.Areas on v2.AreaSk equals a2.AreaSk
                join p2 in db.Periods on v2.PeriodSk equals p2.PeriodSk
                where v2.IndicatorSk == sk && a2.AreaCode == x.a.AreaCode && p2.Grain == native
                    && p2.StartDate > x.p.StartDate && p2.EndDate <= x.t.EndDate
                select v2).Any());
        }

        var weightSk = input.Weight?.IndicatorSk ?? 0;
        var parameter = input.ThresholdParameter;
        var constant = input.ThresholdValue;
        var (below, equal, above) = Outcomes(input.Comparison);
        var role = input.Role;

        // CURRENT: each step maps a code to its successor (the least code when an area was split), as often as the
        // longest chain of replacements needs.
        var located = facts.Select(x => new
        {
            x,
            code = current ? db.AreaLineage.Where(l => l.ReplacedCode == x.a.AreaCode).Select(l => l.AreaCode).Min() ?? x.a.AreaCode : x.a.AreaCode,
        });
        for (var step = 1; current && step < scope.Lineage.Steps; step++)
        {
            located = located.Select(y => new { y.x, code = db.AreaLineage.Where(l => l.ReplacedCode == y.code).Select(l => l.AreaCode).Min() ?? y.code });
        }

        return
            from y in located
            let x = y.x
            let mapped = y.code
            let weight = weightSk == 0
                ? 1.0
                : db.IndicatorValues.Where(w => w.IndicatorSk == weightSk && w.AreaSk == x.v.AreaSk && w.PeriodSk == x.v.PeriodSk).Select(w => (double?)(double)w.Value).FirstOrDefault() ?? 0.0
#pragma warning disable CA1845 // Expression tree for EF: Substring translates to SQL, spans do not.
            let meets = parameter == null
                ? 0
                : constant != null // one threshold in force over the whole request: no per-fact lookup
                ? ((double)x.v.Value < constant ? below : (double)x.v.Value == constant ? equal : above)
                : db.ThresholdParameters
                    .Where(th => th.ParameterCode == parameter && th.ValidFrom <= x.t.EndDate && (th.ValidTo == null || th.ValidTo >= x.t.EndDate)
                        && (th.AreaCode == null
                            || th.AreaCode == x.a.AreaCode.Substring(0, 2) + "0000000000"
                            || th.AreaCode == x.a.AreaCode.Substring(0, 4) + "00000000"
                            || th.AreaCode == x.a.AreaCode.Substring(0, 6) + "000000"
                            || th.AreaCode == x.a.AreaCode.Substring(0, 9) + "000"
                            || th.AreaCode == x.a.AreaCode))
                    .OrderByDescending(th => th.AreaCode ?? string.Empty) // among an area's ancestors the most specific code is the greatest
                    .ThenByDescending(th => th.ValidFrom)
                    .Select(th => (double)x.v.Value < (double)th.Value ? below : (double)x.v.Value == (double)th.Value ? equal : above)
                    .FirstOrDefault()
#pragma warning restore CA1845
            select new UnitFact
            {
                UnitCode = x.a.AreaCode,
                GroupCode = mapped.Substring(0, keyLength),
                PeriodKey = x.t.PeriodKey,
                Role = role,
                Value = (double)x.v.Value * weight,
                Weight = weightSk == 0 ? 0.0 : weight,
                Meets = meets,
            };
    }

    /// <summary>
    /// Each unit's value of a plain summed input when every fact is one unit's whole value (the shape of
    /// <see cref="SourcePlanner.FactsAreUnitValues"/>: as reported, at the native grain, one fact per unit and target
    /// period, which <see cref="For"/> relies on too, and at the level the indicator is captured at). Then there is
    /// nothing to group, and the areas are joined only when the request or the caller's access scope narrows them.
    /// </summary>
    public static IQueryable<double> UnitValues(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan)
    {
        if (!SourcePlanner.FactsAreUnitValues(PlanShape.Of(scope, plan, SourceNeeds.Values)))
        {
            throw new InvalidOperationException($"The facts of {plan.Indicator.IndicatorCode} are not unit values over this scope; SourcePlanner.FactsAreUnitValues decides.");
        }

        var sk = plan.Inputs[0].Base.IndicatorSk;
        var targetSks = TargetSks(scope);
        var facts = db.IndicatorValues.Where(v => v.IndicatorSk == sk && targetSks.Contains(v.PeriodSk));
        if (scope.Prefix.Length > 0 || scope.Caller is { IsEverything: false })
        {
            var areas = AreaScope.VisibleWithin(db, scope.Prefix, scope.Caller).Select(a => a.AreaSk);
            facts = facts.Where(v => areas.Contains(v.AreaSk));
        }

        return facts.Select(v => (double)v.Value);
    }

    /// <summary>The surrogate keys of the periods of the request's grain that lie wholly inside it (the target periods).</summary>
    private static List<int> TargetSks(QueryScope scope) =>
        [.. PeriodMath.Range(scope.Grain, scope.Start, scope.End).Where(k => k.Start >= scope.Start && k.End <= scope.End).Select(PeriodSurrogateKey.Of)];

    /// <summary>Period surrogate keys are computable, so the fact index can be range-scanned by year.</summary>
    private static (int Low, int High) SurrogateRange(QueryScope scope) => PeriodSurrogateKey.YearRange(scope.Start.Year, scope.End.Year);

    private static (int Below, int Equal, int Above) Outcomes(ThresholdComparison? comparison) => comparison switch
    {
        ThresholdComparison.LessThan => (1, 0, 0),
        ThresholdComparison.LessThanOrEqual => (1, 1, 0),
        ThresholdComparison.GreaterThanOrEqual => (0, 1, 1),
        ThresholdComparison.GreaterThan => (0, 0, 1),
        ThresholdComparison.Equal => (0, 1, 0),
        _ => (0, 0, 0),
    };
}
