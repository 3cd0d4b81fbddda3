using Governance.Warehouse.Querying.Statistics;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>A value band and its count.</summary>
public sealed class BandType : ObjectGraphType<Band>
{
    public BandType()
    {
        Name = "Band";
        Description = "A value band (分组区间), half-open [lower, upper); the 'none' band holds exactly 0 (no income, 无收入).";
        Field(b => b.Label).Description("Label of the band (区间), e.g. [10, 50).");
        Field(b => b.Lower, nullable: true).Description("Lower bound, inclusive (下限, 含); null for no bound.");
        Field(b => b.Upper, nullable: true).Description("Upper bound, exclusive (上限, 不含); null for no bound.");
        Field(b => b.Count).Description("Areas in the band (单位数).");
    }
}
