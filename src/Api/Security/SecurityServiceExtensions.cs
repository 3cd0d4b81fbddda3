using System.Security.Claims;
using System.Text;
using Governance.Api.GraphQL.Limits;
using Governance.Warehouse.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Security;

public static class SecurityServiceExtensions
{
    private const string PolicyScheme = "Governance";

    /// <summary>API keys and JWT bearer tokens, from the validated <c>Auth</c> settings; a bad setting stops start-up naming it.</summary>
    public static WebApplicationBuilder AddGovernanceSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var anonymousRole = AuthSettingsValidator.Validate(options);
        builder.Services.AddSingleton(new AnonymousAccess(options.AllowAnonymous ?? builder.Environment.IsDevelopment(), AccessScope.Everything(anonymousRole)));
        var jwt = options.Jwt;
        var hasJwt = !string.IsNullOrWhiteSpace(jwt.SigningKey) || !string.IsNullOrWhiteSpace(jwt.Authority);
        var authentication = builder.Services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "API key or bearer token", o => o.ForwardDefaultSelector = http =>
                hasJwt && !http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (hasJwt)
        {
            authentication.AddJwtBearer(o => ConfigureJwt(o, jwt, builder.Environment.IsDevelopment()));
        }

        builder.Services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RequestAccess>();
        builder.Services.AddSingleton<FailedAuthentications>();
        builder.Services.AddSingleton<SharedRequestBudget>();
        builder.Services.AddHostedService<RequestCountCleanup>();
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = RequestRateLimit.PerCaller();
            o.OnRejected = RequestRateLimit.RejectAsync;
        });
        return builder;
    }

    /// <summary>The limits per caller, then the access gate, in front of <c>/graphql</c>: a refused request costs no key lookup.</summary>
    public static WebApplication UseGovernanceSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<BodySizeLimit>();
        app.UseRateLimiter();
        app.UseMiddleware<SharedRequestLimit>();
        app.UseAuthentication(); // here, after the limits: left out, the host would add it first, and every refused request would cost a key lookup
        app.UseMiddleware<AccessGate>();
        _ = app.Services.GetRequiredService<RequestAccess>(); // a bad trusted-documents or introspection setting stops start-up
        var anonymous = app.Services.GetRequiredService<AnonymousAccess>();
        if (anonymous.Allowed && !app.Environment.IsDevelopment())
        {
            app.Services.GetRequiredService<ILogger<AccessGate>>().LogWarning(
                "Auth:AllowAnonymous is on in the {Environment} environment: callers without credentials are served as {Role} of every area when they connect from loopback directly (not over a Unix socket, not forwarded by a proxy). Anonymous access is a development convenience; set Auth:AllowAnonymous=false anywhere else.",
                app.Environment.EnvironmentName, anonymous.Scope.Role.ToString().ToLowerInvariant());
        }
        return app;
    }

    private static void ConfigureJwt(JwtBearerOptions o, AuthOptions.JwtOptions jwt, bool development)
    {
        o.MapInboundClaims = false;
        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            o.Authority = jwt.Authority;
            o.RequireHttpsMetadata = !development;
        }

        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = !string.IsNullOrWhiteSpace(jwt.Issuer) || !string.IsNullOrWhiteSpace(jwt.Authority),
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateAudience = !string.IsNullOrWhiteSpace(jwt.Audience),
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SharedSigningKey(Encoding.UTF8.GetBytes(jwt.SigningKey)),
        };
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var token = context.Principal!;
                var roles = token.FindAll(jwt.RoleClaim).Select(c => c.Value).ToList();
                if (roles.Count > 1 || AccessRoles.IsList(roles.SingleOrDefault()))
                {
                    // One role per principal: "viewer,analyst" must not become viewer|analyst (operator), nor the first of two claims.
                    context.Fail($"The bearer token's {jwt.RoleClaim} claim {AccessRoles.Problem(string.Join(',', roles))}");
                    return Task.CompletedTask;
                }

                var identity = new ClaimsIdentity(JwtBearerDefaults.AuthenticationScheme);
                identity.AddClaim(new Claim(GovernanceClaims.Subject, token.FindFirst("sub")?.Value ?? "token"));
                identity.AddClaims(roles.Select(role => new Claim(GovernanceClaims.Role, role)));
                identity.AddClaims(token.FindAll(jwt.AreasClaim)
                    .SelectMany(c => c.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
                    .Select(code => new Claim(GovernanceClaims.Area, code)));
                context.Principal = new ClaimsPrincipal(identity);
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                // The validator's messages name the signing keys tried, with their InternalId (a SHA-256 of the key's JWK,
                // which lets a weak shared key be guessed offline): the failure keeps only what went wrong.
                context.Fail(BearerFailure.Describe(context.Exception));
                return Task.CompletedTask;
            },
        };
    }
}
