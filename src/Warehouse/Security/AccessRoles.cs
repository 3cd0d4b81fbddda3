namespace Governance.Warehouse.Security;

/// <summary>
/// A role by its name. One principal has exactly one role: <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
/// would read <c>viewer,analyst</c> as 1|2, which is <see cref="AccessRole.Operator"/>, so lists and numbers are refused.
/// </summary>
public static class AccessRoles
{
    public const string Names = "viewer, analyst, operator, admin";

    /// <summary>The role named by <paramref name="text"/> (case-insensitive, surrounding spaces ignored); false for a list, a number or an unknown name.</summary>
    public static bool TryParse(string? text, out AccessRole role)
    {
        var name = text?.Trim();
        foreach (var candidate in Enum.GetValues<AccessRole>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>Whether <paramref name="text"/> lists several roles (commas, semicolons or spaces between names).</summary>
    public static bool IsList(string? text) => text?.Trim().IndexOfAny([',', ';', ' ', '\t']) >= 0;

    /// <summary>Why <paramref name="text"/> is no role, for a message that starts with what carried it.</summary>
    public static string Problem(string? text) => IsList(text)
        ? $"'{text}' is a list of roles; exactly one is allowed ({Names})."
        : $"'{text}' is not a role; it must be one of {Names}.";
}
