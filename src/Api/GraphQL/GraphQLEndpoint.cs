using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace Governance.Api.GraphQL;

/// <summary>The GraphQL-over-HTTP endpoint at <c>/graphql</c> (POST JSON, GET for queries) and the SDL at <c>/graphql/schema.graphql</c>.</summary>
public static class GraphQLEndpoint
{
    public static WebApplication MapGraphQLEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/graphql", HandlePostAsync);
        app.MapGet("/graphql", HandleGetAsync);
        app.MapGet("/graphql/schema.graphql", (ISchema schema) => Results.Text(schema.Print(), "text/plain; charset=utf-8"));
        return app;
    }

    private static async Task HandlePostAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer)
    {
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (JsonException)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, "The request body is not a JSON GraphQL request.");
            return;
        }

        await ExecuteAsync(http, executer, serializer, request);
    }

    private static async Task HandleGetAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer)
    {
        var query = http.Request.Query;
        var request = new GraphQLRequest
        {
            Query = query["query"],
            OperationName = query["operationName"],
            Variables = query.TryGetValue("variables", out var v) && !string.IsNullOrEmpty(v) ? serializer.Deserialize<Inputs>(v) : null,
        };
        await ExecuteAsync(http, executer, serializer, request);
    }

    private static async Task ExecuteAsync(HttpContext http, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, GraphQLRequest? request)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, "The request has no query.");
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });
        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message)] }, http.RequestAborted);
    }
}
