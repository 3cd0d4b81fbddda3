using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Governance.Api.GraphQL.Limits;

/// <summary>
/// Measures a parsed document before it runs: field depth, aliases, introspection, and complexity (each field costs 1 times
/// the page sizes of the list fields above it: <c>first</c> where given — a literal, or a variable's value, else its
/// default —, else <see cref="LimitOptions.DefaultListSize"/>;
/// a <c>__schema</c> or <c>__type</c> selection costs the size of its answer, see <see cref="IntrospectionPricing"/>, and
/// <c>__schema</c> may be asked once per operation).
/// Stops early once a limit is passed, so fragment bombs cost no more than the limit.
/// </summary>
public sealed class DocumentAnalysis
{
    private readonly LimitOptions _limits;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly Inputs? _variables;
    private readonly ISchema? _schema;
    private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);
    private readonly HashSet<string> _schemaKeys = new(StringComparer.Ordinal);
    private Dictionary<string, GraphQLValue> _defaults = new(StringComparer.Ordinal);

    private DocumentAnalysis(GraphQLDocument document, LimitOptions limits, Inputs? variables, ISchema? schema)
    {
        _limits = limits;
        _variables = variables;
        _schema = schema;
        _fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public int Depth { get; private set; }

    public int Aliases { get; private set; }

    public long Complexity { get; private set; }

    public bool UsesIntrospection { get; private set; }

    /// <summary>True when a field of the operation is marked <see cref="Caching.AnswerCache.NotCachedMetadata"/>: its answer is never cached.</summary>
    public bool SelectsUncachedField { get; private set; }

    /// <summary>The first limit the document passes, as (code, message), or null.</summary>
    public (string Code, string Message)? Problem { get; private set; }

    public static DocumentAnalysis Of(GraphQLDocument document, string? operationName, LimitOptions limits, Inputs? variables, ISchema? schema)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(limits);
        var analysis = new DocumentAnalysis(document, limits, variables, schema)
        {
            Aliases = CountAliases(document)
        };
        if (analysis.Aliases > limits.MaxAliases)
        {
            analysis.Problem = ("TOO_MANY_ALIASES", $"The document has {analysis.Aliases} aliases; at most {limits.MaxAliases} are allowed (Api:Limits:MaxAliases).");
            return analysis;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operations.Count == 1 || operationName is null
            ? operations.FirstOrDefault()
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is not null)
        {
            analysis._defaults = (operation.Variables?.Items ?? []).Where(v => v.DefaultValue is not null)
                .GroupBy(v => v.Variable.Name.StringValue, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().DefaultValue!, StringComparer.Ordinal);
            var root = operation.Operation == OperationType.Query ? schema?.Query : operation.Operation == OperationType.Mutation ? schema?.Mutation : null;
            analysis.Walk(operation.SelectionSet, root, 1, 1);
        }

        return analysis;
    }

    private void Walk(GraphQLSelectionSet? set, IGraphType? parent, int depth, long multiplier)
    {
        if (set is null || Problem is not null)
        {
            return;
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    VisitField(field, parent, depth, multiplier);
                    break;
                case GraphQLInlineFragment inline:
                    Walk(inline.SelectionSet, TypeNamed(inline.TypeCondition?.Type.Name.StringValue) ?? parent, depth, multiplier);
                    break;
                case GraphQLFragmentSpread spread when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) && _expanding.Add(fragment.FragmentName.Name.StringValue):
                    Walk(fragment.SelectionSet, TypeNamed(fragment.TypeCondition.Type.Name.StringValue) ?? parent, depth, multiplier);
                    _expanding.Remove(fragment.FragmentName.Name.StringValue);
                    break;
            }

            if (Problem is not null)
            {
                return;
            }
        }
    }

    private void VisitField(GraphQLField field, IGraphType? parent, int depth, long multiplier)
    {
        var name = field.Name.StringValue;
        UsesIntrospection |= name is "__schema" or "__type";
        if (!Count(depth, multiplier, _limits.MaxDepth))
        {
            return;
        }

        if (name == "__schema" && depth == 1 && _schemaKeys.Add(field.Alias?.Name.StringValue ?? name) && _schemaKeys.Count > 1)
        {
            Problem = ("TOO_COMPLEX", $"The query asks for the schema (__schema) {_schemaKeys.Count} times under aliases; ask for it once, its answer is the same each time.");
            return;
        }

        if (name is "__schema" or "__type" && _schema is not null && depth == 1)
        {
            var maxDepth = Math.Max(_limits.MaxDepth, IntrospectionPricing.StandardDepth);
            new IntrospectionPricing(_schema, _fragments, TypeNameArgument, (d, units) => Count(d, units * multiplier, maxDepth)).Price(field, depth);
            return;
        }

        var definition = (parent?.GetNamedType() as IComplexGraphType)?.GetField(name);
        SelectsUncachedField |= definition?.GetMetadata(Caching.AnswerCache.NotCachedMetadata, false) == true;
        var first = PageSize(field);
        if (first > _limits.MaxPageSize)
        {
            Problem = ("PAGE_TOO_LARGE", $"'{name}' asks for first: {first}; at most {_limits.MaxPageSize} rows per page are allowed (Api:Limits:MaxPageSize).");
            return;
        }

        // A connection's page is priced at the field that takes 'first' (its default when absent); its edges are that page.
        var size = first
            ?? (definition?.Arguments?.Find("first") is not null ? _limits.DefaultListSize
            : name is "edges" or "nodes" ? 1
            : IsList(definition?.ResolvedType) ? _limits.DefaultListSize : 1);
        Walk(field.SelectionSet, definition?.ResolvedType, depth + 1, multiplier * Math.Max(size, 1));
    }

    /// <summary>Adds one field at <paramref name="depth"/> costing <paramref name="cost"/>; false (and the problem set) once a limit is passed.</summary>
    private bool Count(int depth, long cost, int maxDepth)
    {
        Depth = Math.Max(Depth, depth);
        Complexity += cost;
        if (depth > maxDepth)
        {
            Problem = ("TOO_DEEP", $"The query nests fields {depth} deep; at most {maxDepth} levels are allowed (Api:Limits:MaxDepth).");
        }
        else if (Complexity > _limits.MaxComplexity)
        {
            Problem = ("TOO_COMPLEX", $"The query's complexity exceeds {_limits.MaxComplexity} (Api:Limits:MaxComplexity): ask for smaller pages ('first') or fewer nested lists.");
        }

        return Problem is null;
    }

    private string? TypeNameArgument(GraphQLField field) => Resolve(field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "name")?.Value) switch
    {
        GraphQLStringValue literal => literal.Value.ToString(),
        string text => text,
        _ => null,
    };

    /// <summary>
    /// The page size asked for, or null when none is given or it is not an integer (validation then answers with the
    /// variable's name); integers past <see cref="long"/> count as <see cref="long.MaxValue"/>.
    /// </summary>
    private long? PageSize(GraphQLField field) => Resolve(field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue is "first" or "last")?.Value) switch
    {
        GraphQLIntValue literal => long.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue,
        int n => n,
        long n => n,
        System.Numerics.BigInteger n => n > long.MaxValue ? long.MaxValue : n < long.MinValue ? long.MinValue : (long)n,
        _ => null,
    };

    /// <summary>A literal argument as written; a variable as its value when given, else as its default (a literal); null when neither.</summary>
    private object? Resolve(GraphQLValue? value) => value switch
    {
        GraphQLVariable variable when _variables is not null && _variables.TryGetValue(variable.Name.StringValue, out var given) => given,
        GraphQLVariable variable => _defaults.GetValueOrDefault(variable.Name.StringValue),
        _ => value,
    };

    private IGraphType? TypeNamed(string? name) => name is null ? null : _schema?.AllTypes[name];

    private static bool IsList(IGraphType? type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    private static int CountAliases(ASTNode node) => node switch
    {
        GraphQLField field => (field.Alias is null ? 0 : 1) + (field.SelectionSet is null ? 0 : CountAliases(field.SelectionSet)),
        GraphQLSelectionSet set => set.Selections.Sum(CountAliases),
        GraphQLInlineFragment inline => CountAliases(inline.SelectionSet),
        GraphQLOperationDefinition operation => CountAliases(operation.SelectionSet),
        GraphQLFragmentDefinition fragment => CountAliases(fragment.SelectionSet),
        GraphQLDocument document => document.Definitions.Sum(CountAliases),
        _ => 0,
    };
}
