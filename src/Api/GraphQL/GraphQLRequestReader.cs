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
            return HasLoneSurrogate(document.RootElement)
                ? GraphQLHttpRequest.Invalid(LoneSurrogate)
                : GraphQLHttpRequest.FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return GraphQLHttpRequest.Invalid("The request body is not valid JSON.");
        }
    }

    private const string LoneSurrogate = "The request has a JSON string that is not valid Unicode (an escaped lone surrogate such as \\ud800).";

    /// <summary>
    /// True when a string or property name holds an escaped lone surrogate (<c>"\ud800"</c>): valid JSON syntax that no
    /// UTF-16 or UTF-8 string can hold, so reading it throws. Checked once here, the document's depth being bounded by the parser.
    /// </summary>
    private static bool HasLoneSurrogate(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return false;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Any(HasLoneSurrogate);
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (HasLoneSurrogate(property.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
        catch (InvalidOperationException)
        {
            return true;
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
            return GraphQLHttpRequest.Invalid(variables.Problem == "not Unicode" || extensions.Problem == "not Unicode"
                ? LoneSurrogate
                : $"The '{(variables.Problem is null ? "extensions" : "variables")}' parameter must be a JSON-encoded object.");
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
            if (HasLoneSurrogate(document.RootElement))
            {
                return (null, "not Unicode");
            }

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
