using System.Security.Claims;
using System.Text.Encodings.Web;
using Governance.Api.GraphQL.Faults;
using Governance.Warehouse.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Governance.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the hashed keys in the warehouse. An address past its failed
/// authentications (<see cref="FailedAuthentications"/>) is refused without the lookup; an unknown key counts as one.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, FailedAuthentications failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string Header = "X-Api-Key";

    /// <summary>Item set when the lookup was refused: the Retry-After seconds, for the access gate's 429.</summary>
    internal const string TooManyFailuresItem = "Governance.ApiKey.TooManyFailures";

    /// <summary>Item set when the warehouse did not answer the lookup: the exception, for the access gate's 503.</summary>
    internal const string LookupFaultItem = "Governance.ApiKey.LookupFault";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var address = FailedAuthentications.AddressOf(Context);
        if (!failures.MayTry(address, out var retryAfter))
        {
            Context.Items[TooManyFailuresItem] = retryAfter;
            return AuthenticateResult.Fail("Too many failed authentications from this address in the last minute (Api:Limits:FailedAuthenticationsPerMinute); retry later.");
        }

        ApiKey? key;
        try
        {
            key = await keys.FindActiveAsync(values.ToString(), Context.RequestAborted);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            Context.Items[LookupFaultItem] = e;
            return AuthenticateResult.Fail(DatabaseFaults.Message);
        }

        if (key is null)
        {
            failures.Record(address);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(GovernanceClaims.For($"key:{key.ApiKeyId}", ApiKeyStore.ScopeOf(key), key.IsTrustedDocumentsOnly), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
