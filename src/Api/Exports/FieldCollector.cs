using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Governance.Api.Exports;

/// <summary>
/// Collects the fields of selection sets as GraphQL execution does: through fragment spreads and inline fragments whose
/// type condition applies, leaving out what <c>@skip</c> and <c>@include</c> leave out (literals or the request's
/// variables, else their defaults), merging fields of one response key, in the order they first appear.
/// </summary>
internal sealed class FieldCollector(GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables)
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
        .OfType<GraphQLFragmentDefinition>()
        .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyList<CollectedField> Collect(IComplexGraphType type, IReadOnlyList<GraphQLSelectionSet> sets)
    {
        var fields = new List<(string Key, FieldType? Definition, List<GraphQLSelectionSet> Sets)>();
        foreach (var set in sets)
        {
            Collect(type, set, fields, new HashSet<string>(StringComparer.Ordinal));
        }

        return [.. fields.Select(f => new CollectedField(f.Key, f.Definition, f.Sets))];
    }

    private void Collect(IComplexGraphType type, GraphQLSelectionSet set, List<(string Key, FieldType? Definition, List<GraphQLSelectionSet> Sets)> fields, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            if (!Included(selection))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    var key = (field.Alias?.Name ?? field.Name).StringValue;
                    var index = fields.FindIndex(f => f.Key == key);
                    if (index < 0)
                    {
                        var name = field.Name.StringValue;
                        fields.Add((key, name == "__typename" ? null : type.GetField(name), []));
                        index = fields.Count - 1;
                    }

                    if (field.SelectionSet is { } sub)
                    {
                        fields[index].Sets.Add(sub);
                    }

                    break;
                case GraphQLInlineFragment inline when Applies(inline.TypeCondition, type):
                    Collect(type, inline.SelectionSet, fields, visited);
                    break;
                case GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                    && _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && Applies(fragment.TypeCondition, type):
                    Collect(type, fragment.SelectionSet, fields, visited);
                    break;
            }
        }
    }

    private static bool Applies(GraphQLTypeCondition? condition, IComplexGraphType type) =>
        condition is null
        || condition.Type.Name.StringValue == type.Name
        || (type is IObjectGraphType objectType && objectType.ResolvedInterfaces.Any(i => i.Name == condition.Type.Name.StringValue));

    private bool Included(ASTNode selection)
    {
        var directives = selection is IHasDirectivesNode { Directives: { } list } ? list.Items : [];
        foreach (var directive in directives)
        {
            var name = directive.Name.StringValue;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var condition = directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value;
            var value = Boolean(condition);
            if ((name == "skip" && value) || (name == "include" && !value))
            {
                return false;
            }
        }

        return true;
    }

    private bool Boolean(GraphQLValue? value)
    {
        switch (value)
        {
            case GraphQLTrueBooleanValue:
                return true;
            case GraphQLVariable variable:
                var name = variable.Name.StringValue;
                if (variables is not null && variables.TryGetValue(name, out var given) && given is bool b)
                {
                    return b;
                }

                var declared = operation.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == name);
                return declared?.DefaultValue is GraphQLTrueBooleanValue;
            default:
                return false;
        }
    }
}
