using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Serilog.Core;
using Serilog.Events;

namespace Governance.Api.Tests.Security;

public sealed class AuthenticationTests
{
    private const string SigningKey = "a-test-signing-key-of-more-than-32-bytes";

    private static readonly Dictionary<string, string?> Production = new()
    {
        ["Auth:AllowAnonymous"] = "false",
        ["Auth:Jwt:SigningKey"] = SigningKey,
        ["Auth:Jwt:Issuer"] = "https://login.example",
    };

    [Fact]
    public async Task WithoutCredentialsProductionSettingsAnswer401WithAPlainError()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, Production);
        using var client = api.CreateClient();

        using var response = await PostAsync(client, "{ indicators { code } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("UNAUTHENTICATED", (string)body["errors"]![0]!["extensions"]!["code"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["errors"]![0]!["extensions"]!["requestId"]));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task AnActiveKeyIsServedAndAnUnknownOrRevokedOneIsNot()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var (key, secret) = await store.CreateAsync("bi", AccessRole.Analyst, ["110101000000"], cancellationToken: TestContext.Current.CancellationToken);
        await using var api = new GovernanceApiFactory(warehouse, Production);
        using var client = api.CreateClient();

        using var served = await PostAsync(client, "{ indicators { code } }", ("X-Api-Key", secret));
        using var unknown = await PostAsync(client, "{ indicators { code } }", ("X-Api-Key", secret[..^1]));
        await store.RevokeAsync(key.ApiKeyId, TestContext.Current.CancellationToken);
        using var revoked = await PostAsync(client, "{ indicators { code } }", ("X-Api-Key", secret));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task ASignedTokenWithRoleAndAreasIsServedAndABadOneIsNot()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, Production);
        using var client = api.CreateClient();

        using var served = await PostAsync(client, "{ indicators { code } }", ("Authorization", $"Bearer {Token(SigningKey, "analyst", "110101000000")}"));
        using var forged = await PostAsync(client, "{ indicators { code } }", ("Authorization", $"Bearer {Token("another-signing-key-of-more-than-32-bytes", "admin", "110101000000")}"));
        using var expired = await PostAsync(client, "{ indicators { code } }", ("Authorization", $"Bearer {Token(SigningKey, "admin", "110101000000", expires: DateTime.UtcNow.AddMinutes(-10))}"));
        using var noAreas = await PostAsync(client, "{ indicators { code } }", ("Authorization", $"Bearer {Token(SigningKey, "analyst", null)}"));
        using var noRole = await PostAsync(client, "{ indicators { code } }", ("Authorization", $"Bearer {Token(SigningKey, "boss", "110101000000")}"));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noAreas.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
    }

    [Fact]
    public async Task ATokenWithAListOfRolesIsRefusedAs401NamingTheListInsteadOfBecomingOperator()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, Production);
        using var client = api.CreateClient();

        using var listed = await PostAsync(client, "{ loadBatches { totalCount } }", ("Authorization", $"Bearer {Token(SigningKey, "viewer,analyst", "110101000000")}"));
        using var twoClaims = await PostAsync(client, "{ loadBatches { totalCount } }", ("Authorization", $"Bearer {Token(SigningKey, "viewer", "110101000000", extraRole: "analyst")}"));

        Assert.Equal(HttpStatusCode.Unauthorized, listed.StatusCode);
        Assert.Equal("The bearer token's role claim 'viewer,analyst' is a list of roles; exactly one is allowed (viewer, analyst, operator, admin).", await MessageAsync(listed));
        Assert.Equal(HttpStatusCode.Unauthorized, twoClaims.StatusCode);
        Assert.Equal("The bearer token's role claim 'viewer,analyst' is a list of roles; exactly one is allowed (viewer, analyst, operator, admin).", await MessageAsync(twoClaims));
    }

    [Fact]
    public async Task TheLogsOfRefusedTokensCarryNoSigningKeyIdentifier()
    {
        const string ForgingKey = "another-signing-key-of-more-than-32-bytes";
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var settings = new Dictionary<string, string?>(Production)
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        };
        var sink = new CollectingSink();
        await using var api = new GovernanceApiFactory(warehouse, settings).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink)));
        using var client = api.CreateClient();

        using var forged = await PostAsync(client, "{ indicators { code } }", ("Authorization", $"Bearer {Token(ForgingKey, "admin", "110101000000")}"));
        using var expired = await PostAsync(client, "{ indicators { code } }", ("Authorization", $"Bearer {Token(SigningKey, "admin", "110101000000", expires: DateTime.UtcNow.AddMinutes(-10))}"));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (forged.StatusCode, expired.StatusCode));
        Assert.Equal(("The bearer token's signature does not verify.", "The bearer token has expired."), (await MessageAsync(forged), await MessageAsync(expired)));
        var logged = string.Join('\n', sink.Events.Select(e => $"{e.RenderMessage(CultureInfo.InvariantCulture)} {e.Exception}"));
        Assert.Contains("The bearer token's signature does not verify.", logged, StringComparison.Ordinal);
        foreach (var key in new[] { SigningKey, ForgingKey })
        {
            // The InternalId IdentityModel prints for a symmetric key: the base64url SHA-256 of its JWK {"k":...,"kty":"oct"}.
            var jwk = $"{{\"k\":\"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(key))}\",\"kty\":\"oct\"}}";
            Assert.DoesNotContain(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(jwk))), logged, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("InternalId", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABearerTokenWithoutJwtSettingsIsRefusedEvenWhereAnonymousIsAllowed()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var anonymous = await PostAsync(client, "{ indicators { code } }");
        using var bearer = await PostAsync(client, "{ indicators { code } }", ("Authorization", "Bearer whatever"));

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bearer.StatusCode);
    }

    [Theory]
    [InlineData("Auth:Jwt:SigningKey", "short", "Auth:Jwt:SigningKey")]
    [InlineData("Auth:Jwt:Authority", "not a url", "Auth:Jwt:Authority")]
    [InlineData("Auth:AnonymousRole", "boss", "Auth:AnonymousRole")]
    public async Task ABadAuthSettingStopsStartUpNamingIt(string setting, string value, string named)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { [setting] = value });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => api.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static string Token(string key, string role, string? areas, DateTime? expires = null, string? extraRole = null)
    {
        var claims = new List<Claim> { new("sub", "alice"), new("role", role) };
        if (extraRole is not null)
        {
            claims.Add(new Claim("role", extraRole));
        }

        if (areas is not null)
        {
            claims.Add(new Claim("areas", areas));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = "https://login.example",
            NotBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static async Task<string?> MessageAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errors"]![0]!["message"];

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string query, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IEnumerable<LogEvent> Events => _events;

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
