using GraphQL.Validation;
using GraphQLParser.AST;

namespace Governance.Api.GraphQL;

/// <summary>Refuses a mutation or subscription sent with GET (the endpoint answers 405 with <c>Allow: POST</c>).</summary>
public sealed class GetQueriesOnlyRule : IValidationRule
{
    public static readonly GetQueriesOnlyRule Instance = new();

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new GetNotAllowedError(context.Operation.Operation));
        }

        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}
