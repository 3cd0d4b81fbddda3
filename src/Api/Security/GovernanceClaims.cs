using System.Security.Claims;
using Governance.Warehouse.Security;

namespace Governance.Api.Security;

/// <summary>The claims every authentication scheme maps its principal to, and the scope they grant.</summary>
public static class GovernanceClaims
{
    public const string Role = "governance:role";

    public const string Area = "governance:area";

    public const string Everything = "governance:everything";

    public const string TrustedDocumentsOnly = "governance:trusted-documents-only";

    public const string Subject = "governance:subject";

    public static IEnumerable<Claim> For(string subject, AccessScope scope, bool trustedDocumentsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(scope);
        yield return new Claim(Subject, subject);
        yield return new Claim(Role, scope.Role.ToString());
        if (scope.IsEverything)
        {
            yield return new Claim(Everything, "true");
        }

        foreach (var code in scope.AreaCodes)
        {
            yield return new Claim(Area, code);
        }

        if (trustedDocumentsOnly)
        {
            yield return new Claim(TrustedDocumentsOnly, "true");
        }
    }

    /// <summary>The scope the principal's claims grant, or null with the reason when they grant none.</summary>
    public static AccessScope? ScopeOf(ClaimsPrincipal user, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(user);
        problem = null;
        var roleText = user.FindFirst(Role)?.Value;
        if (!AccessRoles.TryParse(roleText, out var role))
        {
            problem = roleText is null ? $"The credentials carry no role ({AccessRoles.Names})." : $"The credentials' role {AccessRoles.Problem(roleText)}";
            return null;
        }

        if (user.HasClaim(Everything, "true"))
        {
            return AccessScope.Everything(role);
        }

        var codes = user.FindAll(Area).Select(c => c.Value).ToList();
        if (codes.Count == 0)
        {
            problem = "The credentials grant no area.";
            return null;
        }

        try
        {
            return AccessScope.Within(role, codes);
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }
}
