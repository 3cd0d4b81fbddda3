using GraphQL.Types;

namespace Governance.Api.GraphQL;

/// <summary>The root query type, composed of the fields each slice contributes.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IQueryFields> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        Name = "Query";
        Description = "Governance analytics (基层治理数据分析): the indicator catalogue, areas, aggregated observations, growth, distributions and targets.";
        foreach (var slice in slices)
        {
            slice.AddTo(this);
        }
    }
}
