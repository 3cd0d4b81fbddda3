namespace Governance.Api.GraphQL.Paging;

/// <summary>A node with the cursor that points at it.</summary>
public sealed record Edge<T>(string Cursor, T Node);
