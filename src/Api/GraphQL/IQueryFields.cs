using GraphQL.Types;

namespace Governance.Api.GraphQL;

/// <summary>A slice of the API (indicators, areas, analytics, ...) adds its root fields to the query type through this.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
