using Governance.Api.Schema.Areas;
using Governance.Warehouse.Querying.Contracts;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>A target against the actual value.</summary>
public sealed class AttainmentType : ObjectGraphType<Attainment>
{
    public AttainmentType()
    {
        Name = "Attainment";
        Description = "An area's target against its actual value (目标完成情况), with the year the trend meets it.";
        Field<AreaType>("area").Description("The area the target is set for (区划).").Resolve(c => c.Source.Area);
        Field("areaCode", a => a.AreaCode).Description("12-digit division code (区划代码).");
        Field("indicatorCode", a => a.IndicatorCode).Description("Indicator code (指标代码).");
        Field<NonNullGraphType<PeriodType>>("period").Description("The period of the target (目标期).").Resolve(c => c.Source.Period);
        Field(a => a.Target).Description("The target value (目标值).");
        Field(a => a.Actual, nullable: true).Description("The actual value (实际值) by the indicator's rules, of actualPeriod; null when nothing was reported.");
        Field<PeriodType>("actualPeriod")
            .Description("The period of the actual value (实际值所属期): the target's own, or the latest year before it when the target lies ahead of the data.")
            .Resolve(c => c.Source.ActualPeriod);
        Field(a => a.LowerIsBetter).Description("True when lower is better (越低越好), e.g. weak villages: met means at or below the target.");
        Field(a => a.Met, nullable: true).Description("True when the target is met (已达标); null without an actual value.");
        Field(a => a.Gap, nullable: true).Description("How far the actual falls short (差距) in the good direction: positive behind, zero or negative met.");
        Field(a => a.OnSchedule).Description("True when met, or when the trend meets the target by the target's year (按期可达); false when behind schedule.");
        Field(a => a.ProjectedYear, nullable: true)
            .Description("The year the trend of the last five years meets the target (预计达标年份): the period's year when met; null when the trend never gets there.");
    }
}
