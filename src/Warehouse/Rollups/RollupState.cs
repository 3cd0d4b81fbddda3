namespace Governance.Warehouse.Rollups;

/// <summary>
/// The one row of <c>agg_state</c>. The roll-ups are exact, and the query engine may read them, while
/// <see cref="Version"/> equals the <see cref="WarehouseVersion"/>: every change that keeps them (a load, a catalogue
/// seed, a rebuild) sets it to the version its commit brings, and any change that does not (maintenance turned off, a
/// write around the ETL) leaves it behind, so the roll-ups are out of use until <c>governance rollups rebuild</c>.
/// </summary>
public sealed class RollupState
{
    public const int RowId = 1;

    public const string Table = "agg_state";

    public int Id { get; set; } = RowId;

    /// <summary>The warehouse version the roll-ups are exact at.</summary>
    public long Version { get; set; }

    /// <summary>First year of the expected-unit counts (the year before the first fact, for growth); null without facts.</summary>
    public int? FirstYear { get; set; }

    /// <summary>Last year of the expected-unit counts (the last year with a fact).</summary>
    public int? LastYear { get; set; }

    /// <summary>When <c>governance rollups rebuild</c> last ran.</summary>
    public DateTimeOffset? RebuiltAt { get; set; }
}
