using Microsoft.Net.Http.Headers;

namespace Governance.Api.GraphQL;

/// <summary>The media type of a GraphQL response, chosen from the request's <c>Accept</c> header.</summary>
public static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// <c>application/graphql-response+json</c> when the header is absent or accepts anything (the specification allows this
    /// default since 2025), otherwise the acceptable type of highest quality; null when neither JSON type is acceptable.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return GraphQLResponse;
        }

        var best = (Type: (string?)null, Quality: 0.0);
        foreach (var range in accept)
        {
            var quality = range.Quality ?? 1.0;
            foreach (var candidate in new[] { GraphQLResponse, Json })
            {
                if (quality > best.Quality && range.Covers(candidate))
                {
                    best = (candidate, quality);
                }
            }
        }

        return best.Type;
    }

    /// <summary>True when a browser asks for a page: <c>text/html</c> is listed explicitly with a quality above zero.</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1.0) > 0);
    }

    // Exact or wildcard match only: ASP.NET's IsSubsetOf also lets application/json match any +json suffix.
    private static bool Covers(this MediaTypeHeaderValue range, string candidate) =>
        range.MediaType.Value is "*/*" or "application/*" || range.MediaType.Equals(candidate, StringComparison.OrdinalIgnoreCase);
}
