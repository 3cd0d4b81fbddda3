using Governance.Warehouse.Querying.Statistics;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>Statistics of one value per area.</summary>
public sealed class DistributionType : ObjectGraphType<Distribution>
{
    public DistributionType()
    {
        Name = "Distribution";
        Description = "The distribution of an indicator over areas (分布): one value per area, its moments, quantiles (R-7, Excel's PERCENTILE.INC), Gini and bands.";
        Field(d => d.Count).Description("Number of areas with a value (单位数).");
        Field(d => d.Mean, nullable: true).Description("Mean (均值).");
        Field(d => d.StdDev, nullable: true).Description("Sample standard deviation (标准差, n - 1); null for fewer than two values.");
        Field(d => d.Min, nullable: true).Description("Smallest value (最小值).");
        Field("p10", d => d.P10, nullable: true).Description("10th percentile (第10百分位数), linear between ranks.");
        Field("q1", d => d.Q1, nullable: true).Description("First quartile (下四分位数).");
        Field(d => d.Median, nullable: true).Description("Median (中位数).");
        Field("q3", d => d.Q3, nullable: true).Description("Third quartile (上四分位数).");
        Field("p90", d => d.P90, nullable: true).Description("90th percentile (第90百分位数).");
        Field(d => d.Max, nullable: true).Description("Largest value (最大值).");
        Field(d => d.Gini, nullable: true).Description("Gini coefficient (基尼系数): mean absolute difference over twice the mean; 0 equal, towards 1 concentrated.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BandType>>>>("bands").Description("Areas per value band (分组), half-open [lower, upper).").Resolve(c => c.Source.Bands);
    }
}
