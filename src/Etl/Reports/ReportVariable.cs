namespace Governance.Etl.Reports;

/// <summary>
/// A variable a saved report declares: its name (without <c>$</c>), its GraphQL type as written (<c>[String!]</c>), the
/// named type inside (<c>String</c>), whether it is a list, and whether a URL must give it (non-null without a default).
/// </summary>
public sealed record ReportVariable(string Name, string Type, string NamedType, bool IsList, bool IsRequired, bool HasDefault);
