using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Governance.Etl.Reports;

/// <summary>
/// The GraphQL document of a saved report: exactly one operation, a query, whose variables are scalars, enums or lists of
/// them (what a URL's query string can carry), none named like an export parameter. Checked when the report is saved,
/// against the schema, and read again when it is served.
/// </summary>
public sealed class ReportDocument
{
    /// <summary>Query parameters of a report's URL that shape the file, not the answer: no variable may be named so.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "format", "headings", "charset" };

    private ReportDocument(string text, GraphQLDocument document, GraphQLOperationDefinition operation, IReadOnlyList<ReportVariable> variables)
    {
        Text = text;
        Document = document;
        Operation = operation;
        Variables = variables;
    }

    public string Text { get; }

    public GraphQLDocument Document { get; }

    public GraphQLOperationDefinition Operation { get; }

    public string? OperationName => Operation.Name?.StringValue;

    public IReadOnlyList<ReportVariable> Variables { get; }

    /// <summary>Parses the document and checks its shape; a <see cref="ReportDocumentException"/> says what is wrong, with the line and column of a syntax error.</summary>
    public static ReportDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = 500 });
        }
        catch (GraphQLSyntaxErrorException e)
        {
            throw new ReportDocumentException($"The document does not parse: {e.Description} (line {e.Location.Line}, column {e.Location.Column}).", e);
        }
        catch (GraphQLMaxDepthExceededException e)
        {
            throw new ReportDocumentException("The document nests deeper than 500 levels.", e);
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count != 1)
        {
            throw new ReportDocumentException($"The document has {operations.Count} operations; a report is exactly one query.");
        }

        var operation = operations[0];
        if (operation.Operation != OperationType.Query)
        {
            throw new ReportDocumentException($"The operation is a {operation.Operation.ToString().ToLowerInvariant()}; a report is a query.");
        }

        var variables = new List<ReportVariable>();
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            if (ReservedNames.Contains(name))
            {
                throw new ReportDocumentException($"Variable ${name} is named like the '{name.ToLowerInvariant()}' parameter of a report's URL ({string.Join(", ", ReservedNames)}); rename it.");
            }

            var type = definition.Type;
            var required = type is GraphQLNonNullType && definition.DefaultValue is null;
            var inner = type is GraphQLNonNullType outer ? outer.Type : type;
            var isList = inner is GraphQLListType;
            if (isList)
            {
                inner = ((GraphQLListType)inner).Type;
                inner = inner is GraphQLNonNullType element ? element.Type : inner;
            }

            if (inner is not GraphQLNamedType named)
            {
                throw new ReportDocumentException($"Variable ${name} is of type {Print(type)}, a list of lists, which a URL cannot give; use a list of scalars or enums.");
            }

            variables.Add(new ReportVariable(name, Print(type), named.Name.StringValue, isList, required, definition.DefaultValue is not null));
        }

        return new ReportDocument(text, document, operation, variables);
    }

    /// <summary>What is wrong with the document against <paramref name="schema"/> (empty when nothing): the validation rules of GraphQL, and variables of input object types, which a URL cannot give.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!schema.Initialized)
        {
            schema.Initialize();
        }

        var problems = new List<string>();
        foreach (var variable in Variables)
        {
            if (schema.AllTypes[variable.NamedType] is IInputObjectGraphType)
            {
                problems.Add($"Variable ${variable.Name} is of input type {variable.NamedType}, which a URL cannot give; declare its fields as variables of their own.");
            }
        }

        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema,
            Document = Document,
            Operation = Operation,
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
        });
        // No values are given here: a required variable's missing value is for the URL to give, not a fault of the document.
        problems.AddRange(result.Errors.Where(e => e is not InvalidVariableError).Select(e =>
            e.Locations is { Count: > 0 } locations ? $"{e.Message} (line {locations[0].Line}, column {locations[0].Column})" : e.Message));
        return problems;
    }

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => type.ToString() ?? "",
    };
}
