using Governance.Api.Schema.Areas;
using Governance.Api.Schema.Indicators;
using Governance.Warehouse.Querying.Contracts;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>One aggregated row of the observations query.</summary>
public sealed class ObservationType : ObjectGraphType<Observation>
{
    public ObservationType()
    {
        Name = "Observation";
        Description = "One indicator for one area in one period (观测值), aggregated by the indicator's rules, with its parts, completeness, growth and change.";
        Field<AreaType>("area").Description("The area of the row (区划), at the requested level.").Resolve(c => c.Source.Area);
        Field("areaCode", o => o.AreaCode).Description("12-digit division code of the row's area (区划代码).");
        Field<NonNullGraphType<PeriodType>>("period").Description("The period of the row (统计期), at the requested grain.").Resolve(c => c.Source.Period);
        Field<IndicatorType>("indicator").Description("The indicator (指标).").Resolve(c => c.Source.Indicator);
        Field("indicatorCode", o => o.IndicatorCode).Description("Code of the indicator (指标代码).");
        Field("value", o => o.Value, nullable: true)
            .Description("The value (数值) in the indicator's unit: flows summed over time, stocks the last value, ratios and shares from summed parts; null when no unit reported.");
        Field("numerator", o => o.Numerator, nullable: true)
            .Description("Ratios (比率): the summed numerator (分子); shares: units meeting the threshold; weighted averages: sum of value x weight.");
        Field("denominator", o => o.Denominator, nullable: true)
            .Description("Ratios: the summed denominator (分母); shares: units counted; weighted averages: the summed weight.");
        Field("reportingUnits", o => o.ReportingUnits).Description("Units that reported in the period (已报单位数).");
        Field("expectedUnits", o => o.ExpectedUnits)
            .Description("Units expected to report (应报单位数): areas of the kinds that report the indicator, inside the row's area, valid in the period.");
        Field("previousValue", o => o.PreviousValue, nullable: true).Description("Value of the previous period (上期值) of the same grain.");
        Field("periodGrowth", o => o.PeriodGrowth, nullable: true).Description("Growth against the previous period (环比增长), as a fraction; null when that base is missing or zero.");
        Field("yoyGrowth", o => o.YoyGrowth, nullable: true).Description("Growth against the same period a year earlier (同比增长), as a fraction; null when that base is missing or zero.");
        Field("change", o => o.Change, nullable: true)
            .Description("Absolute change against the previous period (环比变化量): value minus previousValue in the indicator's unit, percentage points (百分点) for a %; null when either is missing, defined on a zero base.");
        Field("yoyChange", o => o.YoyChange, nullable: true)
            .Description("Absolute change against the same period a year earlier (同比变化量): in the indicator's unit, percentage points (百分点) for a %; null when either is missing, defined on a zero base.");
    }
}
