using GraphQL.Validation;
using GraphQLParser.AST;

namespace Governance.Api.GraphQL;

/// <summary>A validation error for an operation that GET may not carry.</summary>
public sealed class GetNotAllowedError : ValidationError
{
    public const string ErrorCode = "METHOD_NOT_ALLOWED";

    public GetNotAllowedError(OperationType operation)
        : base($"A {operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.")
    {
        Code = ErrorCode;
    }
}
