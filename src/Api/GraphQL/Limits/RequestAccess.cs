using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Governance.Api.Security;
using Governance.Warehouse.Security;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL.Limits;

/// <summary>Introspection by role, and the trusted documents (by SHA-256 of their text) that restricted keys may run.</summary>
public sealed class RequestAccess
{
    private readonly HashSet<AccessRole> _introspectionRoles;
    private readonly bool _notProduction;
    private readonly HashSet<string> _trusted;

    public RequestAccess(IOptions<LimitOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _notProduction = !environment.IsProduction();
        var roles = options.Value.IntrospectionRoles ?? (_notProduction ? "viewer,analyst,operator,admin" : "analyst,operator,admin");
        _introspectionRoles = [.. roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => ParseRole(r))];
        _trusted = LoadTrusted(options.Value.TrustedDocumentsPath);
    }

    /// <summary>Callers with credentials by their role; anonymous callers everywhere but in Production.</summary>
    public bool MayIntrospect(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return _notProduction;
        }

        return Enum.TryParse<AccessRole>(user.FindFirst(GovernanceClaims.Role)?.Value, ignoreCase: true, out var role) && _introspectionRoles.Contains(role);
    }

    public bool IsRestrictedToTrustedDocuments(ClaimsPrincipal? user) => user?.HasClaim(GovernanceClaims.TrustedDocumentsOnly, "true") == true;

    public bool IsTrusted(string? query) => query is not null && _trusted.Contains(Id(query));

    /// <summary>A document's id: the lower-case hex SHA-256 of its UTF-8 text.</summary>
    public static string Id(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    private static AccessRole ParseRole(string text) =>
        Enum.TryParse<AccessRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? role
            : throw new InvalidOperationException($"Setting Api:Limits:IntrospectionRoles names '{text}'; roles are viewer, analyst, operator, admin.");

    private static HashSet<string> LoadTrusted(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return [];
        }

        if (!Directory.Exists(path))
        {
            throw new InvalidOperationException($"Setting Api:Limits:TrustedDocumentsPath names '{path}', which is not a folder.");
        }

        return [.. Directory.EnumerateFiles(path, "*.graphql").Select(f => Id(File.ReadAllText(f)))];
    }
}
