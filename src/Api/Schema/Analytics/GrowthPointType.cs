using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>One year of a growth series.</summary>
public sealed class GrowthPointType : ObjectGraphType<(int Year, double Value)>
{
    public GrowthPointType()
    {
        Name = "GrowthPoint";
        Description = "One year of an area's series (年度值).";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year (年份).").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The year's value (数值).").Resolve(c => c.Source.Value);
    }
}
