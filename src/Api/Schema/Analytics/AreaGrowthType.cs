using Governance.Api.Schema.Areas;
using Governance.Warehouse.Querying.Contracts;
using GraphQL;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>An area's yearly series and its growth.</summary>
public sealed class AreaGrowthType : ObjectGraphType<AreaGrowth>
{
    public AreaGrowthType()
    {
        Name = "AreaGrowth";
        Description = "An area's yearly values and their growth (增长分析): CAGR between the end points and the fitted trend.";
        Field<AreaType>("area").Description("The area (区划).").Resolve(c => c.Source.Area);
        Field("areaCode", g => g.AreaCode).Description("12-digit division code (区划代码).");
        Field("indicatorCode", g => g.IndicatorCode).Description("Indicator code (指标代码).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrowthPointType>>>>("points").Description("The yearly values, oldest first (年度序列).").Resolve(c => c.Source.Trend.Points);
        Field<FloatGraphType>("cagr").Description("Compound annual growth rate between the first and last year (年均复合增长率), as a fraction.").Resolve(c => c.Source.Trend.Cagr);
        Field<FloatGraphType>("change")
            .Description("Absolute change between the first and last year (变化量): last value minus first, in the indicator's unit (百分点 for %); null for fewer than two years.")
            .Resolve(c => c.Source.Trend.Change);
        Field<FloatGraphType>("trendGrowth")
            .Description("Trend growth per year (趋势增长率): e^slope - 1 of the least-squares line through ln(value); null when a value is zero or negative.")
            .Resolve(c => c.Source.Trend.TrendGrowth);
        Field<FloatGraphType>("rSquared").Description("r² of the trend fit (拟合优度), on the log values; null for fewer than three points.").Resolve(c => c.Source.Trend.RSquared);
        Field<IntGraphType>("projectedYear")
            .Description("The first whole year the trend reaches the target (预计达标年份); null when it never does (flat or falling trend below it).")
            .Argument<NonNullGraphType<FloatGraphType>>("target", "The value to reach (目标值).")
            .Argument<BooleanGraphType>("lowerIsBetter", "True when the target is to fall to (e.g. weak villages, 越低越好). Default false.")
            .Resolve(c => c.Source.Trend.ProjectedYear(c.GetArgument<double>("target"), c.GetArgument<bool?>("lowerIsBetter") ?? false));
    }
}
