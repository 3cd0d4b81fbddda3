namespace Governance.Warehouse.Rollups;

/// <summary>
/// Where a <see cref="RollupBuilder"/> writes: the stored roll-ups, or tables of the same shape that
/// <c>governance rollups check</c> builds from the facts to compare with them.
/// </summary>
internal sealed record RollupTables(string Totals, string Expected)
{
    public static RollupTables Stored { get; } = new("agg_total", "agg_expected");
}
