using GraphQL.Types;

namespace Governance.Api.GraphQL.Paging;

/// <summary>
/// A Relay connection of <typeparamref name="TNodeType"/>: <c>totalCount</c>, <c>nodes</c>, <c>edges</c> and <c>pageInfo</c>.
/// Named after the node type: <c>AreaType</c> gives <c>AreaConnection</c> and <c>AreaEdge</c>.
/// </summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = NodeName();
        Name = node + "Connection";
        Description = $"A page of {node} rows (分页列表) with the total count; page with 'first' and 'after'.";
        Field(c => c.TotalCount).Description("Number of rows in the whole list, all pages together (总数).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The rows of this page (本页数据).")
            .Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>>("edges")
            .Description("The rows of this page with their cursors (本页数据及游标).")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Where this page sits in the list (分页信息).")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.HasPreviousPage, c.Source.StartCursor, c.Source.EndCursor));
    }

    internal static string NodeName()
    {
        var name = typeof(TNodeType).Name;
        return name.EndsWith("GraphType", StringComparison.Ordinal) ? name[..^9] : name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
