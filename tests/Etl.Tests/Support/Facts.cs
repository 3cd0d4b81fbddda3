using Governance.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Tests.Support;

/// <summary>Reads fct_indicator_value back as (area code, period key, indicator code) to value, sorted.</summary>
public static class Facts
{
    public static async Task<IReadOnlyList<string>> AllAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        var rows = await (
            from v in db.IndicatorValues
            join a in db.Areas on v.AreaSk equals a.AreaSk
            join p in db.Periods on v.PeriodSk equals p.PeriodSk
            join i in db.Indicators on v.IndicatorSk equals i.IndicatorSk
            select new { a.AreaCode, p.PeriodKey, i.IndicatorCode, v.Value })
            .ToListAsync(TestContext.Current.CancellationToken);
        return rows
            .Select(r => $"{r.AreaCode} {r.PeriodKey} {r.IndicatorCode} {r.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
