using Governance.Api.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL.Limits;

/// <summary>Refuses a <c>/graphql</c> body larger than <c>Api:Limits:MaxBodyBytes</c> with 413, whether it declares its length or streams it; a body cut short is a 400, and a client gone mid-request a 499 rather than a logged 500.</summary>
internal sealed class BodySizeLimit(RequestDelegate next, IOptions<LimitOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var max = options.Value.MaxBodyBytes;
        if (!http.Request.Path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase) || !HttpMethods.IsPost(http.Request.Method))
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
        catch (Exception e) when (e is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            // The client closed its connection mid-request: nobody reads an answer, and it is no server error to log.
            if (!http.Response.HasStarted)
            {
                http.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
        }
        catch (BadHttpRequestException bad)
        {
            await BodyUnreadableAsync(http, bad.StatusCode);
        }
    }

    /// <summary>A 400 for a body cut short; most often its client has already closed the connection, so the answer may not go out.</summary>
    private static async Task BodyUnreadableAsync(HttpContext http, int status)
    {
        try
        {
            await ErrorResponse.WriteAsync(http, status, "BAD_REQUEST", "The request body ended before its declared length or could not be read.");
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client is gone: nobody reads the answer.
        }
    }

    private static Task TooLargeAsync(HttpContext http, long max) =>
        ErrorResponse.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", $"The request body is larger than {max} bytes (Api:Limits:MaxBodyBytes).");
}
