using Governance.Api.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL.Limits;

/// <summary>Refuses a <c>/graphql</c> body larger than <c>Api:Limits:MaxBodyBytes</c> with 413, whether it declares its length or streams it.</summary>
internal sealed class BodySizeLimit(RequestDelegate next, IOptions<LimitOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var max = options.Value.MaxBodyBytes;
        if (!http.Request.Path.StartsWithSegments("/graphql") || !HttpMethods.IsPost(http.Request.Method))
        {
            await next(http);
            return;
        }

        if (http.Request.ContentLength > max)
        {
            await TooLargeAsync(http, max);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        http.Request.Body = new LengthLimitedStream(http.Request.Body, max);
        try
        {
            await next(http);
        }
        catch (Exception e) when (e is BodyTooLargeException || (e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            await TooLargeAsync(http, max);
        }
    }

    private static Task TooLargeAsync(HttpContext http, long max) =>
        ErrorResponse.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", $"The request body is larger than {max} bytes (Api:Limits:MaxBodyBytes).");
}
