using GraphQL.Types;

namespace Governance.Api.GraphQL.Paging;

/// <summary>A row of a connection with its cursor.</summary>
public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        var node = ConnectionType<TNodeType, TNode>.NodeName();
        Name = node + "Edge";
        Description = $"A {node} row with its cursor (游标).";
        Field(e => e.Cursor).Description("Opaque cursor of this row: pass it as 'after' to get the rows that follow (游标).");
        Field<NonNullGraphType<TNodeType>>("node").Description("The row (数据).").Resolve(c => c.Source.Node);
    }
}
