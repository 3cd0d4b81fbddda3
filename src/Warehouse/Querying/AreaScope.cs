using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying;

/// <summary>Resolves the <c>within</c> area of a request to the code prefix its descendants share.</summary>
internal static class AreaScope
{
    public static async Task<string> PrefixAsync(WarehouseDbContext db, string? within, AreaLevel level, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(within))
        {
            return string.Empty;
        }

        if (!AreaCode.TryParse(within, out var code) || !await db.Areas.AnyAsync(a => a.AreaCode == code.Value.Value, cancellationToken))
        {
            throw new QueryRuleException(QueryRuleException.UnknownArea, $"No area has the code '{within}' (use a 12-digit division code, e.g. 361100101000).");
        }

        if (code.Value.Level > level)
        {
            throw new QueryRuleException(
                QueryRuleException.BadRequest,
                $"Rows at {level.ToString().ToUpperInvariant()} level cannot lie inside {within}, a {code.Value.Level.ToString().ToUpperInvariant()}.");
        }

        return code.Value.Prefix;
    }
}
