namespace Governance.Api.GraphQL.Paging;

/// <summary>One page of a list: the nodes from <see cref="Offset"/>, and the total count of the whole list.</summary>
public sealed record Connection<T>(IReadOnlyList<T> Nodes, int TotalCount, int Offset)
{
    public IEnumerable<Edge<T>> Edges => Nodes.Select((node, i) => new Edge<T>(Cursor.Encode(Offset + i), node));

    public bool HasNextPage => Offset + Nodes.Count < TotalCount;

    public bool HasPreviousPage => Offset > 0;

    public string? StartCursor => Nodes.Count == 0 ? null : Cursor.Encode(Offset);

    public string? EndCursor => Nodes.Count == 0 ? null : Cursor.Encode(Offset + Nodes.Count - 1);
}
