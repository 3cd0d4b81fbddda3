using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.GraphQL;

/// <summary>Reads a GraphQL-over-HTTP request from a POST body or GET query parameters, checking each rule of the specification.</summary>
public static class GraphQLRequestReader
{
    /// <summary>True for <c>application/json</c> in UTF-8 (charset absent or utf-8); forms and <c>text/plain</c> are not, so no simple cross-site request runs.</summary>
    public static bool IsJsonUtf8(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = contentType.Charset.Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    public static async Task<GraphQLHttpRequest> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Length == 0)
        {
            return GraphQLHttpRequest.Invalid("The request body is empty; send a JSON object with a 'query' string.");
        }

        if (!Utf8.IsValid(bytes.Span))
        {
            return GraphQLHttpRequest.Invalid("The request body is not valid UTF-8.");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return GraphQLHttpRequest.FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return GraphQLHttpRequest.Invalid("The request body is not valid JSON.");
        }
    }

    /// <summary>GET: <c>query</c> and <c>operationName</c> as text, <c>variables</c> and <c>extensions</c> as JSON-encoded objects.</summary>
    public static GraphQLHttpRequest ReadQueryString(IQueryCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters["query"].Count != 1 || string.IsNullOrEmpty(parameters["query"][0]))
        {
            return GraphQLHttpRequest.Invalid("The request has no 'query' parameter.");
        }

        var variables = ParseObject(parameters["variables"]);
        var extensions = ParseObject(parameters["extensions"]);
        if (variables.Problem is not null || extensions.Problem is not null)
        {
            return GraphQLHttpRequest.Invalid($"The '{(variables.Problem is null ? "extensions" : "variables")}' parameter must be a JSON-encoded object.");
        }

        var operationName = parameters["operationName"].FirstOrDefault();
        return new GraphQLHttpRequest(parameters["query"][0], string.IsNullOrEmpty(operationName) ? null : operationName, variables.Value, extensions.Value, null);
    }

    private static (JsonElement? Value, string? Problem) ParseObject(Microsoft.Extensions.Primitives.StringValues text)
    {
        if (text.Count == 0 || string.IsNullOrEmpty(text[0]))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text[0]!);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => (document.RootElement.Clone(), null),
                JsonValueKind.Null => (null, null),
                _ => (null, "not an object"),
            };
        }
        catch (JsonException)
        {
            return (null, "not JSON");
        }
    }
}
