namespace Governance.Warehouse.Querying.Sources;

/// <summary>What a CURRENT request needs of the lineage: how many replacements to follow, and whose history moves in or out of its area.</summary>
/// <param name="Steps">How many successive replacements a code is followed through.</param>
/// <param name="Incoming">Replaced codes outside the request's prefix whose area of today lies inside it: their history belongs to it.</param>
/// <param name="Outgoing">Replaced codes inside it whose area of today lies outside it or outside the caller's access scope: their history left.</param>
internal sealed record Lineage(int Steps, IReadOnlyList<string> Incoming, IReadOnlyList<string> Outgoing)
{
    /// <summary>As reported: no replacement followed.</summary>
    public static Lineage None { get; } = new(1, [], []);
}
