using Governance.Api.Schema.Periods;
using Governance.Warehouse.Dimensions;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>A reporting period of a row.</summary>
public sealed class PeriodType : ObjectGraphType<PeriodKey>
{
    public PeriodType()
    {
        Name = "Period";
        Description = "A reporting period (统计期): a year, quarter or month.";
        Field("key", p => p.Value).Description("Period key (统计期代码): 2023, 2023Q2 or 202305.");
        Field<NonNullGraphType<PeriodGrainType>>("grain").Description("Grain of the period (统计周期).").Resolve(c => c.Source.Grain);
        Field("start", p => p.Start).Description("First day of the period (开始日期).");
        Field("end", p => p.End).Description("Last day of the period (结束日期).");
        Field("label", p => p.Label).Description("Label in Chinese (统计期名称), e.g. 2023年第二季度.");
    }
}
