namespace Governance.Warehouse.Querying.Planning;

/// <summary>Which facts of an input feed a target period.</summary>
internal enum WindowMode
{
    /// <summary>Facts whose period lies inside the target period.</summary>
    Inside = 1,

    /// <summary>Facts from the start of the target's year to its end (year to date).</summary>
    YearToDate = 2,

    /// <summary>The fact whose (coarser) native period contains the target period.</summary>
    Containing = 3,
}
