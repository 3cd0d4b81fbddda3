using System.Text.Json;

namespace Governance.Api.Security;

/// <summary>A GraphQL error answer written before execution (no <c>data</c>): a message, a code and the request id the logs carry.</summary>
public static class ErrorResponse
{
    public static async Task WriteAsync(HttpContext http, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new { errors = new[] { new { message, extensions = new { code, requestId = http.TraceIdentifier } } } };
        await JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}
