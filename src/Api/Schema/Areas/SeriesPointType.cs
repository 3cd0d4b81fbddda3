using GraphQL.Types;

namespace Governance.Api.Schema.Areas;

/// <summary>One point of an area's series.</summary>
public sealed class SeriesPointType : ObjectGraphType<SeriesPoint>
{
    public SeriesPointType()
    {
        Name = "SeriesPoint";
        Description = "An area's own value of an indicator in one period (时间序列点).";
        Field("period", p => p.Period.Value).Description("Period key (统计期): 2023, 2023Q2 or 202305.");
        Field<NonNullGraphType<Periods.PeriodGrainType>>("grain").Description("Grain of the period (统计周期).").Resolve(c => c.Source.Period.Grain);
        Field("label", p => p.Period.Label).Description("Period label in Chinese (统计期名称), e.g. 2023年第二季度.");
        Field("start", p => p.Period.Start).Description("First day of the period (开始日期).");
        Field("end", p => p.Period.End).Description("Last day of the period (结束日期).");
        Field("value", p => p.Value).Description("The value in the indicator's unit (数值): reported, or summed (flows) or last (stocks) over the period.");
    }
}
