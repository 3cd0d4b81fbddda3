using System.Text;
using Governance.Warehouse.Security;

namespace Governance.Api.Security;

/// <summary>Checks the <c>Auth</c> settings at start-up; each problem names its setting.</summary>
internal static class AuthSettingsValidator
{
    /// <summary>Returns the anonymous role, or throws naming the first bad setting.</summary>
    public static AccessRole Validate(AuthOptions options)
    {
        var jwt = options.Jwt;
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey) && !string.IsNullOrWhiteSpace(jwt.Authority))
        {
            throw Problem("Settings Auth:Jwt:SigningKey and Auth:Jwt:Authority are both set; set one of them.");
        }

        if (!string.IsNullOrWhiteSpace(jwt.SigningKey) && Encoding.UTF8.GetByteCount(jwt.SigningKey) < 32)
        {
            throw Problem("Setting Auth:Jwt:SigningKey is shorter than 32 bytes; HS256 needs a key of at least 256 bits.");
        }

        if (!string.IsNullOrWhiteSpace(jwt.Authority) && !Uri.TryCreate(jwt.Authority, UriKind.Absolute, out _))
        {
            throw Problem($"Setting Auth:Jwt:Authority '{jwt.Authority}' is not an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(jwt.RoleClaim) || string.IsNullOrWhiteSpace(jwt.AreasClaim))
        {
            throw Problem("Settings Auth:Jwt:RoleClaim and Auth:Jwt:AreasClaim must name a claim.");
        }

        if (!AccessRoles.TryParse(options.AnonymousRole, out var role))
        {
            throw Problem($"Setting Auth:AnonymousRole: {AccessRoles.Problem(options.AnonymousRole)}");
        }

        return role;
    }

    private static InvalidOperationException Problem(string message) => new(message);
}
