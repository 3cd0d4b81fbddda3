using GraphQL;
using GraphQLParser.AST;

namespace Governance.Api.GraphQL;

/// <summary>
/// The names of every field selected beneath the field being resolved, at any depth, through fragments and inline
/// fragments: a resolver computes only what its caller asked for. A superset (a name under any branch) is safe.
/// </summary>
public static class Selections
{
    public static IReadOnlySet<string> Beneath(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(context.FieldAst.SelectionSet, fragments, names, new HashSet<string>(StringComparer.Ordinal));
        return names;
    }

    private static void Collect(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> names, HashSet<string> expanded)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    names.Add(field.Name.StringValue);
                    Collect(field.SelectionSet, fragments, names, expanded);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, fragments, names, expanded);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) && expanded.Add(spread.FragmentName.Name.StringValue):
                    Collect(fragment.SelectionSet, fragments, names, expanded);
                    break;
            }
        }
    }
}
