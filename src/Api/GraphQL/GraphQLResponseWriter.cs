using System.Text;
using System.Text.Json;
using Governance.Api.GraphQL.Caching;
using GraphQL;

namespace Governance.Api.GraphQL;

/// <summary>Writes GraphQL responses with the status codes of the GraphQL-over-HTTP specification and the request id in <c>extensions</c>.</summary>
public static class GraphQLResponseWriter
{
    /// <summary>
    /// 405 for a mutation sent with GET; for a request that failed before execution (parse, validation, variables), 400 with
    /// <c>application/graphql-response+json</c> and 200 with <c>application/json</c>; 200 once execution started.
    /// </summary>
    public static Task WriteResultAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(result);
        var status = StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e is GetNotAllowedError) == true)
        {
            http.Response.Headers.Allow = "POST";
            status = StatusCodes.Status405MethodNotAllowed;
        }
        else if (Limits.HttpStatusError.StatusOf(result) is { } limitStatus)
        {
            status = limitStatus;
        }
        else if (!result.Executed && mediaType == ResponseMediaType.GraphQLResponse)
        {
            status = StatusCodes.Status400BadRequest;
        }

        return WriteAsync(http, serializer, mediaType, status, result);
    }

    /// <summary>A request that is not a well-formed GraphQL-over-HTTP request: an error and no <c>data</c>.</summary>
    public static Task WriteProblemAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, string message) =>
        WriteAsync(http, serializer, mediaType, status, new ExecutionResult { Errors = [new ExecutionError(message) { Code = "BAD_REQUEST" }] });

    /// <summary>
    /// An answer asked for as a table (CSV, XLSX, JSON rows) that has errors: the GraphQL answer in <c>application/json</c>,
    /// never a file. The status says it failed, since a BI tool reads no body of a 200 as an error: the status a limit
    /// or a refusal sets (403, 408, 503, ...), 405 for a mutation sent with GET, 500 for an internal error, else 400.
    /// </summary>
    public static Task WriteExportErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(result);
        int status;
        if (result.Errors?.Any(e => e is GetNotAllowedError) == true)
        {
            http.Response.Headers.Allow = "POST";
            status = StatusCodes.Status405MethodNotAllowed;
        }
        else
        {
            status = Limits.HttpStatusError.StatusOf(result)
                ?? (result.Errors?.Any(e => e.Code == GraphQLErrors.InternalErrorCode) == true ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest);
        }

        return WriteAsync(http, serializer, ResponseMediaType.Json, status, result);
    }

    /// <summary>An export refused before any file: one error with a code, no <c>data</c>.</summary>
    public static Task WriteExportProblemAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string code, string message) =>
        WriteAsync(http, serializer, ResponseMediaType.Json, status, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });

    public static Task WriteNotAcceptableAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(
            $"Accept {ResponseMediaType.GraphQLResponse} or {ResponseMediaType.Json}, or a table: text/csv, {Exports.ExportFormats.XlsxType}, {Exports.ExportFormats.NdJsonType}, or the format parameter (csv, xlsx, json, ndjson) (request {http.TraceIdentifier}).", http.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, ExecutionResult result)
    {
        if (result is CachedAnswer cached)
        {
            await WriteCachedAsync(http, mediaType, cached.Body);
            return;
        }

        result.Extensions ??= [];
        result.Extensions["requestId"] = http.TraceIdentifier;
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// The bytes of an answer serialized without extensions (<c>{"data":...}</c>), with this request's id added as the
    /// serializer would have written it: the same bytes as an answer executed now, at no serialization cost.
    /// </summary>
    private static async Task WriteCachedAsync(HttpContext http, string mediaType, ReadOnlyMemory<byte> body)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var requestId = JsonSerializer.Serialize(http.TraceIdentifier, RequestIdJson);
        var tail = Encoding.UTF8.GetBytes($",\"extensions\":{{\"requestId\":{requestId}}}}}");
        http.Response.ContentLength = body.Length - 1 + tail.Length;
        await http.Response.Body.WriteAsync(body[..^1], http.RequestAborted); // all but the closing brace of the answer object
        await http.Response.Body.WriteAsync(tail, http.RequestAborted);
    }

    private static readonly JsonSerializerOptions RequestIdJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
