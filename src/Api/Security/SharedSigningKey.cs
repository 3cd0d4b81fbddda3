using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Security;

/// <summary>
/// The <c>Auth:Jwt:SigningKey</c> as IdentityModel uses it, but named without its <c>InternalId</c>: IdentityModel lists the keys
/// it tried in the message of a refused token (which the bearer handler logs), and a symmetric key's InternalId is the
/// SHA-256 of its JWK, so a weak key could be guessed offline from the logs.
/// </summary>
internal sealed class SharedSigningKey(byte[] key) : SymmetricSecurityKey(key)
{
    public override string ToString() => "the shared signing key (Auth:Jwt:SigningKey)";
}
