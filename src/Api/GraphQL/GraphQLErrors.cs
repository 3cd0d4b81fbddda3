using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Replicas;
using GraphQL;
using GraphQL.Execution;

namespace Governance.Api.GraphQL;

/// <summary>
/// Turns exceptions thrown by resolvers into GraphQL errors a client may see: a <see cref="QueryRuleException"/> keeps its
/// message and code; anything else is logged with the request id and answered with a plain message naming that id.
/// </summary>
public static class GraphQLErrors
{
    public const string RequestIdKey = "requestId";
    public const string InternalErrorCode = "INTERNAL_SERVER_ERROR";

    public static void Handle(UnhandledExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.ExecutionOptions;
        if (context.OriginalException is QueryRuleException rule)
        {
            context.Exception = rule.Code == QueryRuleException.Forbidden
                ? new Limits.HttpStatusError(StatusCodes.Status403Forbidden, rule.Code, rule.Message)
                : new ExecutionError(rule.Message) { Code = rule.Code };
            return;
        }

        var requestId = options.UserContext.TryGetValue(RequestIdKey, out var id) ? id : null;
        var logger = options.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLErrors).FullName!);
        if (options.RequestServices?.GetService<WarehouseReadSession>() is { } session && session.ReportFailure(context.OriginalException))
        {
            // The replica went away under the request: the endpoint answers it again from the primary, this result is dropped.
            logger?.LogWarning("GraphQL field {Field} of request {RequestId} failed on {Server} ({Problem}); the request is answered again by the primary",
                context.FieldContext?.FieldDefinition.Name, requestId, session.Server, ReadFailure.Describe(context.OriginalException));
            context.Exception = Faults.DatabaseFaults.Unavailable();
            return;
        }


        logger?.LogError(context.OriginalException, "GraphQL field {Field} failed in request {RequestId}", context.FieldContext?.FieldDefinition.Name, requestId);
        if (Faults.DatabaseFaults.IsUnavailable(context.OriginalException))
        {
            context.Exception = Faults.DatabaseFaults.Unavailable();
            return;
        }

        context.Exception = new ExecutionError($"An internal error occurred (request {requestId}); the server log has the details.") { Code = InternalErrorCode };
    }
}
