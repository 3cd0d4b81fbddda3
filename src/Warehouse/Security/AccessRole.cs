namespace Governance.Warehouse.Security;

/// <summary>What a principal may do (角色). Scope (which areas) is separate: see <see cref="AccessScope"/>.</summary>
public enum AccessRole
{
    /// <summary>Aggregates at township level and above.</summary>
    Viewer = 1,

    /// <summary>Everything inside the scope, including village detail and ad-hoc queries.</summary>
    Analyst = 2,

    /// <summary>Load batches and their rejects.</summary>
    Operator = 3,

    /// <summary>Everything an analyst and an operator may do.</summary>
    Admin = 4,
}
