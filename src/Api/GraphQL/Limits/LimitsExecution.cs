using Governance.Api.GraphQL.Caching;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL.Limits;

/// <summary>
/// Wraps every execution: document length before parsing, parser depth, then depth, aliases, complexity, page size,
/// introspection by role and trusted documents on the parsed document; then answers from the <see cref="AnswerCache"/> or
/// runs it under the execution timeout.
/// A refused request is answered before execution (no <c>data</c>), with a code and a message naming the setting.
/// </summary>
public static class LimitsExecution
{
    /// <summary>The user-context key the saved-report endpoint sets (to the report's name); a client cannot set it.</summary>
    public const string SavedReportKey = "savedReport";

    public static IGraphQLBuilder AddGovernanceLimits(this IGraphQLBuilder builder) => builder.ConfigureExecution(ExecuteAsync);

    public static async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        var services = options.RequestServices!;
        var limits = services.GetRequiredService<IOptions<LimitOptions>>().Value;
        if (options.Document is null && options.Query is { } query)
        {
            if (query.Length > limits.MaxDocumentLength)
            {
                return Refuse(StatusCodes.Status400BadRequest, "DOCUMENT_TOO_LONG", $"The document has {query.Length} characters; at most {limits.MaxDocumentLength} are allowed (Api:Limits:MaxDocumentLength).");
            }

            try
            {
                options.Document = Parser.Parse(query, new ParserOptions { MaxDepth = limits.MaxParserDepth, Ignore = IgnoreOptions.Comments });
            }
            catch (GraphQLMaxDepthExceededException)
            {
                return Refuse(StatusCodes.Status400BadRequest, "DOCUMENT_TOO_NESTED", $"The document nests deeper than {limits.MaxParserDepth} levels (Api:Limits:MaxParserDepth).");
            }
            catch (GraphQLSyntaxErrorException)
            {
                return await next(options); // GraphQL.NET answers the syntax error with its location.
            }
        }

        var schema = services.GetRequiredService<ISchema>();
        if (!schema.Initialized)
        {
            schema.Initialize();
        }

        var analysis = DocumentAnalysis.Of(options.Document!, options.OperationName, limits, options.Variables, schema);
        if (analysis.Problem is { } problem)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem.Code, problem.Message);
        }

        var access = services.GetRequiredService<RequestAccess>();
        if (analysis.UsesIntrospection && !access.MayIntrospect(options.User))
        {
            return Refuse(StatusCodes.Status403Forbidden, "INTROSPECTION_DISABLED", "Introspection is not available to this caller (Api:Limits:IntrospectionRoles).");
        }

        // A saved report is trusted by construction: checked when it was saved, run as stored (its URL gives only variables).
        if (access.IsRestrictedToTrustedDocuments(options.User) && !access.IsTrusted(options.Query) && !options.UserContext.ContainsKey(SavedReportKey))
        {
            return Refuse(StatusCodes.Status403Forbidden, "UNTRUSTED_DOCUMENT", "This key may only run trusted documents; the document's SHA-256 is not registered.");
        }

        // Every check above ran for this caller and document: a cached answer is served only where executing it would be allowed.
        var timeout = TimeSpan.FromSeconds(limits.ExecutionTimeoutSeconds);
        var cache = services.GetRequiredService<AnswerCache>();
        // A table export (and so a saved report) reads the executed result's tree, which a cached answer (bytes) has not.
        var export = options.UserContext.ContainsKey(AnswerCache.TableExportKey) || options.UserContext.ContainsKey(SavedReportKey);
        return cache.Enabled && !export && !analysis.SelectsUncachedField && IsQuery(options.Document!, options.OperationName)
            ? await cache.AnswerAsync(options, () => WithTimeoutAsync(options, next, timeout))
            : await WithTimeoutAsync(options, next, timeout);
    }

    /// <summary>The operation to run is a query (the schema has no mutation; a subscription or a missing operation is left to execution's own errors).</summary>
    private static bool IsQuery(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.Find(o => o.Name?.StringValue == operationName);
        return operation?.Operation == OperationType.Query;
    }

    /// <summary>How long a cancelled execution may take to unwind before the 408 is sent without it.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);

    private static async Task<ExecutionResult> WithTimeoutAsync(ExecutionOptions options, ExecutionDelegate next, TimeSpan timeout)
    {
        var caller = options.CancellationToken;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(caller);
        deadline.CancelAfter(timeout);
        options.CancellationToken = deadline.Token;
        var execution = next(options);
        try
        {
            var result = await execution.WaitAsync(timeout + Grace, CancellationToken.None);
            return deadline.IsCancellationRequested && !caller.IsCancellationRequested ? TimedOut(timeout) : result;
        }
        catch (TimeoutException)
        {
            // Cancelled at the deadline but still unwinding (a PostgreSQL cancel request waits for the server): the 408
            // goes now; the execution ends on its own, its failure observed here and not logged.
            _ = execution.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return TimedOut(timeout);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return TimedOut(timeout);
        }
    }

    private static ExecutionResult TimedOut(TimeSpan timeout) =>
        Refuse(StatusCodes.Status408RequestTimeout, "TIMEOUT", $"The request ran longer than {timeout.TotalSeconds:0} seconds and was cancelled (Api:Limits:ExecutionTimeoutSeconds).");

    public static ExecutionResult Refuse(int status, string code, string message) =>
        new() { Errors = [new HttpStatusError(status, code, message)] };
}
