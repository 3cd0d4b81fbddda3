using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Security;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>
/// Where and when a request looks: the area prefix, the row level, the target periods and the structure; with
/// <see cref="Units"/>, only the facts of those unit codes (the rows of one page).
/// </summary>
internal sealed record QueryScope(string Prefix, AreaLevel Level, PeriodGrain Grain, DateOnly Start, DateOnly End, AreaStructure Structure, IReadOnlyList<string>? Units = null)
{
    /// <summary>
    /// Under the CURRENT structure, the replacements a code is followed through and the history that crosses the edge
    /// of <see cref="Prefix"/> (see <see cref="LineageChains"/>); <see cref="Lineage.None"/> as reported.
    /// </summary>
    public Lineage Lineage { get; init; } = Lineage.None;

    /// <summary>
    /// The caller's access scope, from the request (null: everything). Every SQL builder of the engine reads it here;
    /// none reads the ambient <see cref="AccessScope.Current"/>.
    /// </summary>
    public AccessScope? Caller { get; init; }

    /// <summary>Digits of a code that name its area at <see cref="Level"/>: the cheap group key.</summary>
    public int KeyLength => Level switch
    {
        AreaLevel.Province => 2,
        AreaLevel.Prefecture => 4,
        AreaLevel.County => 6,
        AreaLevel.Township => 9,
        _ => 12,
    };

    /// <summary>The full 12-digit code of a group key.</summary>
    public static string PadCode(string key) => key.PadRight(12, '0');
}
