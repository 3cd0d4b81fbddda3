using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Security;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>
/// Every input of the source rule (<see cref="SourcePlanner"/>) for one plan over one scope, named: a source's
/// <see cref="IGroupSource.CoversAsync"/> and the planner's paths read these and nothing else.
/// </summary>
/// <param name="Level">Level of the rows.</param>
/// <param name="UnitLevel">Level of the units that report the indicator (village or township).</param>
/// <param name="InputsUnitLevel">The coarsest level of the units that report the plan's inputs (township when any input is reported by townships).</param>
/// <param name="Grain">Grain of the target periods.</param>
/// <param name="AtNativeGrain">Every input is read inside target periods of its own native grain (one fact per unit and period).</param>
/// <param name="Start">Start of the period range.</param>
/// <param name="End">End of the period range.</param>
/// <param name="Structure">As reported, or mapped to today's areas through the lineage.</param>
/// <param name="Rule">The indicator's area rule.</param>
/// <param name="PlainSum">A sum of one input, without weight or threshold: each unit's facts add up to its value.</param>
/// <param name="ThresholdsInForce">An input counts units against a threshold.</param>
/// <param name="ThresholdsConstant">Every threshold of the plan is one area-less value over the whole range (<see cref="ThresholdConstants"/>).</param>
/// <param name="ReportingUnits">Distinct counts of reporting units are needed.</param>
/// <param name="ExpectedUnits">Counts of expected units are needed.</param>
/// <param name="AreaValues">Only each area's value is needed (a distribution).</param>
/// <param name="RequestUnits">The request names its units (the villages of one page).</param>
/// <param name="Caller">The caller's access scope (null: everything).</param>
/// <param name="CallerSeesWholeArea">The caller sees every unit inside the request's area.</param>
/// <param name="CallerSeesGroupsWhole">Every group at the row level is either wholly inside the caller's scope or wholly outside it.</param>
internal sealed record PlanShape(
    AreaLevel Level,
    AreaLevel UnitLevel,
    AreaLevel InputsUnitLevel,
    PeriodGrain Grain,
    bool AtNativeGrain,
    DateOnly Start,
    DateOnly End,
    AreaStructure Structure,
    AreaAggregation Rule,
    bool PlainSum,
    bool ThresholdsInForce,
    bool ThresholdsConstant,
    bool ReportingUnits,
    bool ExpectedUnits,
    bool AreaValues,
    bool RequestUnits,
    AccessScope? Caller,
    bool CallerSeesWholeArea,
    bool CallerSeesGroupsWhole)
{
    /// <summary>Rows at the level of the units themselves: each group is one unit.</summary>
    public bool AtUnitLevel => Level == UnitLevel;

    /// <summary>Rows above the level of the indicator's units and of every input's: each group holds several units.</summary>
    public bool AboveUnitLevels => Level < UnitLevel && Level < InputsUnitLevel;

    public static PlanShape Of(QueryScope scope, IndicatorPlan plan, SourceNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(needs);
        var thresholds = plan.Inputs.Where(i => i.ThresholdParameter is not null).ToList();
        return new PlanShape(
            scope.Level,
            plan.UnitLevel,
            plan.Inputs.Select(i => IndicatorPlan.UnitLevelOf(i.Base)).DefaultIfEmpty(plan.UnitLevel).Min(),
            scope.Grain,
            plan.Inputs.All(i => i.Mode == WindowMode.Inside && i.Base.NativeGrain == scope.Grain),
            scope.Start,
            scope.End,
            scope.Structure,
            plan.Indicator.AreaAggregation,
            plan is { Indicator.AreaAggregation: AreaAggregation.Sum, Inputs: [{ Weight: null, ThresholdParameter: null }] },
            thresholds.Count > 0,
            thresholds.All(i => i.ThresholdValue is not null),
            needs.ReportingUnits,
            needs.ExpectedUnits,
            needs.AreaValues,
            scope.Units is not null,
            scope.Caller,
            AccessChecks.HoldsWhole(scope.Caller, scope.Prefix),
            AccessChecks.SplitsNoGroup(scope.Caller, scope.KeyLength));
    }
}
