using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Sources;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>How one indicator is answered: its inputs, and the kinds of area that are its units.</summary>
internal sealed record IndicatorPlan(Indicator Indicator, IReadOnlyList<QueryInput> Inputs)
{
    public IReadOnlyList<AreaKind> UnitKinds => Indicator.CaptureLevel switch
    {
        CaptureLevel.Villages => [AreaKind.Village],
        CaptureLevel.Communities => [AreaKind.Community],
        CaptureLevel.VillagesAndCommunities => [AreaKind.Village, AreaKind.Community],
        _ => [AreaKind.Street, AreaKind.Town, AreaKind.Township],
    };

    public AreaLevel UnitLevel => UnitLevelOf(Indicator);

    /// <summary>The level of the areas that report an indicator.</summary>
    public static AreaLevel UnitLevelOf(Indicator indicator) => indicator.CaptureLevel == CaptureLevel.Townships ? AreaLevel.Township : AreaLevel.Village;

    /// <summary>The parts of a group its value itself depends on (shares of units, averages per reporting unit).</summary>
    public ObservationParts ValueParts => Indicator.AreaAggregation switch
    {
        AreaAggregation.ShareMeetingThreshold when Indicator.DenominatorIsExpectedUnits => ObservationParts.ExpectedUnits,
        AreaAggregation.ShareMeetingThreshold or AreaAggregation.PerReportingUnit => ObservationParts.ReportingUnits,
        _ => ObservationParts.None,
    };

    /// <summary>The value of a group from its input totals, after the indicator's area rule.</summary>
    public (double? Value, double? Numerator, double? Denominator) Evaluate(GroupTotal? main, GroupTotal? second, int expected)
    {
        var scale = (double)Indicator.Scale;
        if (main is null)
        {
            return (null, null, second?.Sum);
        }

        return Indicator.AreaAggregation switch
        {
            AreaAggregation.Ratio => (second is { Sum: not 0 } ? main.Sum / second.Sum * scale : null, main.Sum, second?.Sum),
            AreaAggregation.CountMeetingThreshold => (main.Meeting, null, null),
            AreaAggregation.ShareMeetingThreshold => Share(main.Meeting, Indicator.DenominatorIsExpectedUnits ? expected : main.Units, scale),
            AreaAggregation.PerReportingUnit => (main.Units == 0 ? null : main.Sum / main.Units, main.Sum, main.Units),
            AreaAggregation.WeightedAverage => (main.Weight == 0 ? null : main.Sum / main.Weight, main.Sum, main.Weight),
            _ => (main.Sum, null, null),
        };
    }

    private static (double?, double?, double?) Share(int meeting, int units, double scale) =>
        (units == 0 ? null : (double)meeting / units * scale, meeting, units);
}
