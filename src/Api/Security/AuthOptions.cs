namespace Governance.Api.Security;

/// <summary>Settings under <c>Auth</c>: who may call the API and how they prove it.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Callers without credentials on loopback get the anonymous scope; null means true in Development only.</summary>
    public bool? AllowAnonymous { get; set; }

    /// <summary>Role of anonymous loopback callers (their scope is every area).</summary>
    public string AnonymousRole { get; set; } = "analyst";

    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Settings under <c>Auth:Jwt</c>: a signing key (HS256) or an OIDC authority, and the claims that carry role and areas.</summary>
    public sealed class JwtOptions
    {
        /// <summary>Shared HS256 signing key, at least 32 bytes of UTF-8.</summary>
        public string? SigningKey { get; set; }

        /// <summary>OIDC authority whose published keys sign the tokens.</summary>
        public string? Authority { get; set; }

        /// <summary>Expected <c>iss</c>; not checked when empty (and no authority).</summary>
        public string? Issuer { get; set; }

        /// <summary>Expected <c>aud</c>; not checked when empty.</summary>
        public string? Audience { get; set; }

        public string RoleClaim { get; set; } = "role";

        /// <summary>Claim holding area codes: one claim per code, or one claim with codes separated by commas or spaces.</summary>
        public string AreasClaim { get; set; } = "areas";
    }
}
