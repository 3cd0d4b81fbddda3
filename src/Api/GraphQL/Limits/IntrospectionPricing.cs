using System.Collections;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Governance.Api.GraphQL.Limits;

/// <summary>
/// Prices a <c>__schema</c> or <c>__type</c> selection by walking it against the schema itself: every field of the answer
/// costs 1, and a list costs what the schema really holds (its types, each type's fields, each field's arguments, the
/// wrappers a type reference really has), never a guessed page size. The standard introspection query of this schema
/// costs about 3,600; asking it again under aliases adds its cost again, up to the complexity limit. The schema's
/// introspection filter is applied as the answer applies it (a filter answering asynchronously is taken to allow all).
/// </summary>
internal sealed class IntrospectionPricing(ISchema schema, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, Func<GraphQLField, string?> nameArgument, Func<int, long, bool> count)
{
    private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);

    /// <summary>The deepest field nesting that introspection may reach, whatever <see cref="LimitOptions.MaxDepth"/> says: graphql-js's query (nine levels of <c>ofType</c>) is 15 deep.</summary>
    public const int StandardDepth = 15;

    /// <summary>
    /// Prices the root field (<c>__schema</c> or <c>__type</c>) at <paramref name="depth"/>; false once a limit is passed.
    /// The depth counted is the document's (an <c>ofType</c> nested past the schema's real wrappers still counts), the cost the answer's.
    /// </summary>
    public bool Price(GraphQLField root, int depth)
    {
        if (!count(depth + DepthOf(root.SelectionSet), 0))
        {
            return false;
        }

        object? source = root.Name.StringValue == "__schema" ? schema
            : nameArgument(root) is { } name ? schema.AllTypes[name] : null;
        return source is null || Walk(root.SelectionSet, source, depth + 1);
    }

    private bool Walk(GraphQLSelectionSet? set, object source, int depth)
    {
        if (set is null)
        {
            return true;
        }

        foreach (var selection in set.Selections)
        {
            var going = selection switch
            {
                GraphQLField field => Visit(field, source, depth),
                GraphQLInlineFragment inline => Walk(inline.SelectionSet, source, depth),
                GraphQLFragmentSpread spread => Spread(spread, source, depth),
                _ => true,
            };
            if (!going)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many levels of fields a selection nests, fragments included (each fragment measured once).</summary>
    private int DepthOf(GraphQLSelectionSet? set) => set is null ? 0 : set.Selections.Select(selection => selection switch
    {
        GraphQLField field => 1 + DepthOf(field.SelectionSet),
        GraphQLInlineFragment inline => DepthOf(inline.SelectionSet),
        GraphQLFragmentSpread spread => FragmentDepth(spread.FragmentName.Name.StringValue),
        _ => 0,
    }).DefaultIfEmpty(0).Max();

    private int FragmentDepth(string name)
    {
        if (_fragmentDepths.TryGetValue(name, out var known))
        {
            return known;
        }

        _fragmentDepths[name] = 0; // a cycle (refused by validation) adds nothing
        return _fragmentDepths[name] = fragments.TryGetValue(name, out var fragment) ? DepthOf(fragment.SelectionSet) : 0;
    }

    private bool Spread(GraphQLFragmentSpread spread, object source, int depth)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (!fragments.TryGetValue(name, out var fragment) || !_expanding.Add(name))
        {
            return true;
        }

        var going = Walk(fragment.SelectionSet, source, depth);
        _expanding.Remove(name);
        return going;
    }

    private bool Visit(GraphQLField field, object source, int depth)
    {
        if (!count(depth, 1))
        {
            return false;
        }

        if (field.SelectionSet is null)
        {
            return true;
        }

        foreach (var child in Children(source, field.Name.StringValue))
        {
            if (!Allowed(source, child))
            {
                continue;
            }

            if (child is not null && !Walk(field.SelectionSet, child, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the schema's filter lets <paramref name="child"/> of <paramref name="parent"/> into the answer.</summary>
    private bool Allowed(object parent, object? child)
    {
        var filter = schema.Filter;
        var allowed = (parent, child) switch
        {
            (_, null) => null,
            (ISchema, Directive d) => filter.AllowDirective(d),
            (IGraphType t, FieldType f) => filter.AllowField(t, f),
            (FieldType f, QueryArgument a) => filter.AllowArgument(f, a),
            (EnumerationGraphType e, EnumValueDefinition v) => filter.AllowEnumValue(e, v),
            (ISchema or IImplementInterfaces or IAbstractGraphType, IGraphType t) => filter.AllowType(t),
            _ => null,
        };
        return child is not null && (allowed is null || !allowed.IsCompletedSuccessfully || allowed.Result);
    }

    /// <summary>What a field of an introspection object resolves to, as the sources of its sub-selection.</summary>
    private static IEnumerable Children(object source, string field) => (source, field) switch
    {
        (ISchema s, "types") => s.AllTypes,
        (ISchema s, "queryType") => One(s.Query),
        (ISchema s, "mutationType") => One(s.Mutation),
        (ISchema s, "subscriptionType") => One(s.Subscription),
        (ISchema s, "directives") => s.Directives,
        (IGraphType t, "fields") => t is IObjectGraphType or IInterfaceGraphType ? ((IComplexGraphType)t).Fields : None,
        (IGraphType t, "inputFields") => t is IInputObjectGraphType input ? input.Fields : None,
        (IGraphType t, "interfaces") => t is IImplementInterfaces implementing ? implementing.ResolvedInterfaces : None,
        (IGraphType t, "possibleTypes") => t is IAbstractGraphType abstractType ? abstractType.PossibleTypes : None,
        (IGraphType t, "enumValues") => t is EnumerationGraphType enumeration ? enumeration.Values : None,
        (NonNullGraphType t, "ofType") => One(t.ResolvedType),
        (ListGraphType t, "ofType") => One(t.ResolvedType),
        (FieldType f, "args") => (IEnumerable?)f.Arguments ?? None,
        (FieldType f, "type") => One(f.ResolvedType),
        (QueryArgument a, "type") => One(a.ResolvedType),
        (Directive d, "args") => (IEnumerable?)d.Arguments ?? None,
        _ => None,
    };

    private static readonly object[] None = [];

    private static object?[] One(object? value) => [value];
}
