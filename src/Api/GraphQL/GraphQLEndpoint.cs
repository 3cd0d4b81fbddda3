using System.Globalization;
using Governance.Api.Exports;
using Governance.Api.GraphQL.Caching;
using Governance.Api.GraphQL.Limits;
using Governance.Api.Security;
using Governance.Warehouse.Replicas;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;

namespace Governance.Api.GraphQL;

/// <summary>
/// The GraphQL-over-HTTP endpoint at <c>/graphql</c> (POST JSON, GET for queries, GraphiQL for browsers) and the SDL at
/// <c>/graphql/schema.graphql</c>. Status codes follow the GraphQL-over-HTTP specification.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    /// <summary>Response header: the server whose snapshot answered, <c>primary</c> or <c>replica N</c> (N: position in ConnectionStrings:WarehouseReplicas, from 1).</summary>
    public const string ReadServerHeader = "Governance-Read-Server";

    /// <summary>Response header: the warehouse version of the answering snapshot (PostgreSQL).</summary>
    public const string ReadVersionHeader = "Governance-Warehouse-Version";

    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, GetQueriesOnlyRule.Instance];

    public static WebApplication MapGraphQLEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles();
        app.MapPost(Path, HandlePostAsync);
        app.MapGet(Path, HandleGetAsync);
        app.MapMethods(Path, ["PUT", "PATCH", "DELETE"], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        app.MapGet(Path + "/schema.graphql", HandleSchemaAsync);
        return app;
    }

    /// <summary>The SDL tells what introspection tells: to the same callers (<c>Api:Limits:IntrospectionRoles</c>), and not to keys limited to trusted documents.</summary>
    private static async Task HandleSchemaAsync(HttpContext http, ISchema schema, RequestAccess access)
    {
        if (!access.MayIntrospect(http.User) || access.IsRestrictedToTrustedDocuments(http.User))
        {
            await ErrorResponse.WriteAsync(http, StatusCodes.Status403Forbidden, "INTROSPECTION_DISABLED", "The schema is not available to this caller (Api:Limits:IntrospectionRoles).");
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(schema.Print(), http.RequestAborted);
    }

    private static async Task HandlePostAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer)
    {
        var (export, exportProblem) = ExportRequest.Read(http.Request);
        if (exportProblem is not null)
        {
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status400BadRequest, "BAD_REQUEST", exportProblem);
            return;
        }

        var mediaType = export is null ? ResponseMediaType.Negotiate(http.Request) : ResponseMediaType.Json;
        if (mediaType is null)
        {
            await GraphQLResponseWriter.WriteNotAcceptableAsync(http);
            return;
        }

        if (!GraphQLRequestReader.IsJsonUtf8(http.Request))
        {
            await GraphQLResponseWriter.WriteProblemAsync(http, serializer, mediaType, StatusCodes.Status415UnsupportedMediaType,
                "Send the request as 'application/json' in UTF-8 (forms, text/plain and other encodings are refused).");
            return;
        }

        var request = await GraphQLRequestReader.ReadBodyAsync(http.Request, http.RequestAborted);
        await ExecuteAsync(http, executer, serializer, request, mediaType, rules: null, export);
    }

    private static async Task HandleGetAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, IWebHostEnvironment environment)
    {
        var (export, exportProblem) = ExportRequest.Read(http.Request);
        if (exportProblem is not null)
        {
            await GraphQLResponseWriter.WriteExportProblemAsync(http, serializer, StatusCodes.Status400BadRequest, "BAD_REQUEST", exportProblem);
            return;
        }

        // A browser opening a link with format=csv gets the file, not GraphiQL.
        if (export is null && ResponseMediaType.WantsHtml(http.Request))
        {
            await GraphiQLPage.WriteAsync(http, environment);
            return;
        }

        var mediaType = export is null ? ResponseMediaType.Negotiate(http.Request) : ResponseMediaType.Json;
        if (mediaType is null)
        {
            await GraphQLResponseWriter.WriteNotAcceptableAsync(http);
            return;
        }

        await ExecuteAsync(http, executer, serializer, GraphQLRequestReader.ReadQueryString(http.Request.Query), mediaType, GetRules, export);
    }

    private static async Task ExecuteAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, GraphQLHttpRequest request, string mediaType, IEnumerable<IValidationRule>? rules, ExportRequest? export)
    {
        if (request.Problem is not null)
        {
            await GraphQLResponseWriter.WriteProblemAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, request.Problem);
            return;
        }

        ExecutionResult result;
        var variables = request.VariableInputs(serializer);
        var userContext = RequestScope.UserContext(http);
        if (export is not null)
        {
            userContext[AnswerCache.TableExportKey] = true;
        }

        try
        {
            result = await ExecuteOnOneServerAsync(http, services => ExecuteAsync(http, services, executer, serializer, request, variables, rules, userContext));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (closed its connection mid-request): nobody reads an answer, and it is no server error.
            http.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return;
        }

        if (userContext.TryGetValue(AnswerCache.OutcomeKey, out var outcome) && outcome is string cache)
        {
            http.Response.Headers[AnswerCache.Header] = cache;
        }

        if (export is not null)
        {
            await TableExport.WriteAsync(http, serializer, export, result, new ExportSource(request.Query!, variables, request.OperationName));
            return;
        }

        await GraphQLResponseWriter.WriteResultAsync(http, serializer, mediaType, result);
    }

    /// <summary>
    /// Runs <paramref name="execute"/> on the request's services. When the replica failed under it (stopped, cut off, or
    /// its recovery cancelled the query), the whole request runs again, in a scope of its own, on the primary, so the
    /// answer is still of one snapshot. Sets the headers naming the server that answered and its version.
    /// </summary>
    internal static async Task<ExecutionResult> ExecuteOnOneServerAsync(HttpContext http, Func<IServiceProvider, Task<ExecutionResult>> execute)
    {
        var result = await execute(http.RequestServices);
        var session = http.RequestServices.GetRequiredService<WarehouseReadSession>();
        if (session.ReplicaFailed)
        {
            await using var again = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            session = again.ServiceProvider.GetRequiredService<WarehouseReadSession>();
            session.UsePrimary();
            result = await execute(again.ServiceProvider);
        }

        ReadServerHeaders(http, session);
        return result;
    }

    /// <summary>Which server answered (<c>primary</c>, <c>replica N</c>) and the warehouse version of its snapshot (PostgreSQL).</summary>
    private static void ReadServerHeaders(HttpContext http, WarehouseReadSession session)
    {
        http.Response.Headers[ReadServerHeader] = session.Server;
        if (session.Version is { } version)
        {
            http.Response.Headers[ReadVersionHeader] = version.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static Task<ExecutionResult> ExecuteAsync(HttpContext http, IServiceProvider services, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, GraphQLHttpRequest request, Inputs? variables, IEnumerable<IValidationRule>? rules, IDictionary<string, object?> userContext) =>
        executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = variables,
            Extensions = request.ExtensionInputs(serializer),
            ValidationRules = rules,
            UserContext = userContext,
            RequestServices = services,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });
}
