using System.Net;
using Governance.Api.GraphQL;
using Governance.Api.GraphQL.Faults;
using Governance.Warehouse.Security;
using Microsoft.AspNetCore.Authentication;

namespace Governance.Api.Security;

/// <summary>
/// Decides who calls <c>/graphql</c>, <c>/reports</c> and <c>/metrics</c>: a valid key or token, or an anonymous loopback caller where <c>Auth:AllowAnonymous</c>
/// allows it; otherwise 401 (no or bad credentials) or 403 (credentials granting no role or area). Sets the request's
/// <see cref="AccessScope"/> for resolvers and for the database layer.
/// </summary>
internal sealed class AccessGate(RequestDelegate next, AnonymousAccess anonymous, ILogger<AccessGate> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!GatedPaths.Covers(http.Request.Path) || IsIdePage(http.Request))
        {
            await next(http);
            return;
        }

        AuthenticateResult result;
        try
        {
            result = await http.AuthenticateAsync();
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            logger.LogError(e, "Request {RequestId}: the warehouse did not answer the key lookup", http.TraceIdentifier);
            await ErrorResponse.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, DatabaseFaults.Code, DatabaseFaults.Message);
            return;
        }

        if (http.Items[ApiKeyAuthenticationHandler.LookupFaultItem] is Exception fault)
        {
            logger.LogError(fault, "Request {RequestId}: the warehouse did not answer the key lookup", http.TraceIdentifier);
            await ErrorResponse.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, DatabaseFaults.Code, DatabaseFaults.Message);
            return;
        }

        if (http.Items[ApiKeyAuthenticationHandler.TooManyFailuresItem] is string retryAfter)
        {
            logger.LogWarning("Request {RequestId} refused: {Problem}", http.TraceIdentifier, result.Failure?.Message);
            http.Response.Headers.RetryAfter = retryAfter;
            await ErrorResponse.WriteAsync(http, StatusCodes.Status429TooManyRequests, "RATE_LIMITED", result.Failure!.Message);
            return;
        }

        AccessScope? scope;
        if (result.Succeeded)
        {
            http.User = result.Principal;
            scope = GovernanceClaims.ScopeOf(result.Principal, out var problem);
            if (scope is null)
            {
                logger.LogWarning("Request {RequestId} refused: {Problem}", http.TraceIdentifier, problem);
                await ErrorResponse.WriteAsync(http, StatusCodes.Status403Forbidden, "FORBIDDEN", problem!);
                return;
            }
        }
        else if (result.Failure is null && anonymous.Allowed && http.Request.Headers.Authorization.Count == 0 && IsLocal(http))
        {
            scope = anonymous.Scope;
        }
        else
        {
            logger.LogWarning("Request {RequestId} refused: {Problem}", http.TraceIdentifier, result.Failure?.Message ?? "no credentials");
            http.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
            await ErrorResponse.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                result.Failure?.Message ?? (http.Request.Headers.Authorization.Count == 0 ? "Credentials are required: an X-Api-Key header or a bearer token." : "The API key or token is not valid."));
            return;
        }

        http.Items[typeof(AccessScope)] = scope;
        AccessScope.Current = scope;
        await next(http);
    }

    /// <summary>The in-browser IDE's HTML page (exactly <c>GET /graphql</c>, no query) carries no data; its queries, and the SDL, go through the gate.</summary>
    private static bool IsIdePage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(GraphQLEndpoint.Path, StringComparison.OrdinalIgnoreCase) && !request.Query.ContainsKey("query") && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Headers by which a peer says it speaks for another client; those a known proxy sent are consumed before the gate.</summary>
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    /// <summary>
    /// A caller on this machine: a loopback peer (after a known proxy's forwarded address is applied) that forwards for
    /// no one else. A peer without an address (a Unix socket, as a reverse proxy connects) is never local: it speaks for
    /// whoever reached the proxy. So is a loopback peer whose forwarding headers were not consumed (an unknown proxy).
    /// </summary>
    private static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        && !ForwardingHeaders.Any(http.Request.Headers.ContainsKey);
}
