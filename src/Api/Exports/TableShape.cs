using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Governance.Api.Exports;

/// <summary>
/// The table an answer flattens into, read from the executed document and the schema (never from the data, so a null
/// area or an empty page gives the same columns): the rows are the first list the operation selects, depth first in
/// selection order (a connection's <c>nodes</c> or <c>edges</c>, or a list field such as <c>growth</c>); each selected
/// leaf beneath a row is a column named by its path of response keys (aliases included): <c>area.code</c>,
/// <c>period.key</c>, <c>value</c>. A list of objects inside a row is unrolled, one row per element with the row's other
/// cells repeated (<c>points.year</c>, <c>points.value</c>); two such lists side by side cannot be one table. An
/// operation that selects no list is one row of every leaf, named from the root (<c>distribution.count</c>).
/// </summary>
public sealed class TableShape
{
    private readonly string[] _listPath;
    private readonly RowShape _row;

    private TableShape(string[] listPath, RowShape row, IReadOnlyList<ExportColumn> columns)
    {
        _listPath = listPath;
        _row = row;
        Columns = columns;
    }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The response keys from the root to the list whose elements are the rows; empty when the operation selects no list.</summary>
    public IReadOnlyList<string> ListPath => _listPath;

    /// <summary>The shape of the executed operation; a <see cref="TableShapeException"/> when it cannot be one table.</summary>
    public static TableShape Of(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(operation);
        var collector = new FieldCollector(document, operation, variables);
        var root = schema.Query;
        var builder = new ColumnBuilder();
        var list = FindList(collector, root, [operation.SelectionSet], []);
        if (list is null)
        {
            var whole = new RowShape();
            AddFields(collector, builder, whole, root, [operation.SelectionSet], [], [], [], edgeNode: false);
            return new TableShape([], whole, builder.Build());
        }

        var (path, field) = list.Value;
        var row = ListElement(collector, builder, field, [], []);
        return new TableShape([.. path], row, builder.Build());
    }

    /// <summary>The rows of an executed answer, in order; each array holds one value per column (null for none).</summary>
    public IEnumerable<object?[]> Rows(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Data is not ExecutionNode root)
        {
            yield break;
        }

        if (_listPath.Length == 0)
        {
            foreach (var row in _row.Expand(root, Columns.Count))
            {
                yield return row;
            }

            yield break;
        }

        if (Follow(root, _listPath) is not ArrayExecutionNode list || list.Items is null)
        {
            yield break;
        }

        foreach (var item in list.Items)
        {
            foreach (var row in _row.Expand(item, Columns.Count))
            {
                yield return row;
            }
        }
    }

    /// <summary>Rows the answer flattens into, counted without writing them.</summary>
    public long CountRows(ExecutionResult result)
    {
        long count = 0;
        foreach (var _ in Rows(result))
        {
            count++;
        }

        return count;
    }

    private static (List<string> Path, CollectedField Field)? FindList(FieldCollector collector, IComplexGraphType type, IReadOnlyList<GraphQLSelectionSet> sets, List<string> path)
    {
        foreach (var field in collector.Collect(type, sets))
        {
            if (field.Definition is not { } definition)
            {
                continue;
            }

            var (named, isList) = Unwrap(definition.ResolvedType!);
            if (isList)
            {
                return ([.. path, field.Key], field);
            }

            if (named is IComplexGraphType complex && FindList(collector, complex, field.SelectionSets, [.. path, field.Key]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The shape of one element of a list field: its leaves, or the element itself for a list of scalars. Its columns are
    /// named under <paramref name="names"/> (empty for the rows' own list, the list's path for one unrolled in a row).
    /// </summary>
    private static RowShape ListElement(FieldCollector collector, ColumnBuilder builder, CollectedField list, string[] names, string[] terms)
    {
        var shape = new RowShape();
        var (named, _) = Unwrap(list.Definition!.ResolvedType!);
        if (named is IComplexGraphType complex)
        {
            var edges = list.Definition.Name == "edges" && complex.GetField("node") is not null;
            AddFields(collector, builder, shape, complex, list.SelectionSets, [], names, terms, edges);
        }
        else
        {
            var term = ChineseTerm.Of(list.Definition.Description, list.Definition.Name) ?? list.Key;
            shape.Leaves.Add(new Leaf([], builder.Add(names.Length == 0 ? list.Key : string.Join('.', names), names.Length == 0 ? [term] : terms)));
        }

        return shape;
    }

    private static void AddFields(FieldCollector collector, ColumnBuilder builder, RowShape shape, IComplexGraphType type, IReadOnlyList<GraphQLSelectionSet> sets, string[] valuePath, string[] names, string[] terms, bool edgeNode)
    {
        foreach (var field in collector.Collect(type, sets))
        {
            string[] path = [.. valuePath, field.Key];
            var definition = field.Definition;
            var term = definition is null ? "类型名" : ChineseTerm.Of(definition.Description, definition.Name) ?? field.Key;
            if (definition is null)
            {
                shape.Leaves.Add(new Leaf(path, builder.Add(string.Join('.', [.. names, field.Key]), [.. terms, term])));
                continue;
            }

            var (named, isList) = Unwrap(definition.ResolvedType!);
            var complex = named as IComplexGraphType;
            if (isList && complex is not null)
            {
                if (shape.Child is { } existing)
                {
                    throw new TableShapeException(
                        $"The selection has two lists side by side, '{string.Join('.', [.. names, existing.Name])}' and '{string.Join('.', [.. names, field.Key])}', which do not make one table; export each in a request of its own.");
                }

                var child = ListElement(collector, builder, field, [.. names, field.Key], [.. terms, term]);
                shape.Child = new ChildList(path, field.Key, child);
            }
            else if (isList || complex is null)
            {
                shape.Leaves.Add(new Leaf(path, builder.Add(string.Join('.', [.. names, field.Key]), [.. terms, term])));
            }
            else if (edgeNode && valuePath.Length == 0 && definition.Name == "node")
            {
                // A connection's edges: the node's leaves are named as in 'nodes' (value, not node.value).
                AddFields(collector, builder, shape, complex, field.SelectionSets, path, names, terms, edgeNode: false);
            }
            else
            {
                AddFields(collector, builder, shape, complex, field.SelectionSets, path, [.. names, field.Key], [.. terms, term], edgeNode: false);
            }
        }
    }

    internal static (IGraphType Named, bool IsList) Unwrap(IGraphType type)
    {
        var isList = false;
        while (true)
        {
            switch (type)
            {
                case NonNullGraphType nonNull:
                    type = nonNull.ResolvedType!;
                    break;
                case ListGraphType list:
                    isList = true;
                    type = list.ResolvedType!;
                    break;
                default:
                    return (type, isList);
            }
        }
    }

    internal static ExecutionNode? Follow(ExecutionNode? node, IReadOnlyList<string> path)
    {
        foreach (var key in path)
        {
            if (node is not ObjectExecutionNode { SubFields: { } fields })
            {
                return null;
            }

            node = Array.Find(fields, f => f.Name == key);
        }

        return node;
    }

    private sealed record Leaf(string[] Path, int Column);

    private sealed record ChildList(string[] Path, string Name, RowShape Shape);

    private sealed class RowShape
    {
        public List<Leaf> Leaves { get; } = [];

        public ChildList? Child { get; set; }

        public IEnumerable<object?[]> Expand(ExecutionNode? node, int width)
        {
            var values = new object?[width];
            return Expand(node, values);
        }

        private IEnumerable<object?[]> Expand(ExecutionNode? node, object?[] values)
        {
            foreach (var leaf in Leaves)
            {
                values[leaf.Column] = Cells.Of(leaf.Path.Length == 0 ? node : Follow(node, leaf.Path));
            }

            if (Child is null)
            {
                yield return (object?[])values.Clone();
                yield break;
            }

            if (Follow(node, Child.Path) is not ArrayExecutionNode { Items.Count: > 0 } list)
            {
                Child.Shape.Clear(values);
                yield return (object?[])values.Clone();
                yield break;
            }

            foreach (var item in list.Items)
            {
                Child.Shape.Clear(values);
                foreach (var row in Child.Shape.Expand(item, values))
                {
                    yield return row;
                }
            }
        }

        private void Clear(object?[] values)
        {
            foreach (var leaf in Leaves)
            {
                values[leaf.Column] = null;
            }

            Child?.Shape.Clear(values);
        }
    }

    private sealed class ColumnBuilder
    {
        private readonly List<(string Name, string[] Terms)> _columns = [];

        public int Add(string name, string[] terms)
        {
            _columns.Add((name, terms));
            return _columns.Count - 1;
        }

        public IReadOnlyList<ExportColumn> Build()
        {
            var chinese = ChineseTerm.Headings([.. _columns.Select(c => (c.Name, (IReadOnlyList<string>)c.Terms))]);
            return [.. _columns.Select((c, i) => new ExportColumn(c.Name, chinese[i]))];
        }
    }
}
