using GraphQL.Types;
using GraphQLParser.AST;

namespace Governance.Api.Exports;

/// <summary>A field of a selection set as execution sees it: its response key, its definition (null for <c>__typename</c>) and every selection set merged under that key.</summary>
internal sealed record CollectedField(string Key, FieldType? Definition, IReadOnlyList<GraphQLSelectionSet> SelectionSets);
