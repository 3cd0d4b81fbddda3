using System.Globalization;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Facts;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.TestSupport;

/// <summary>
/// Builds test data straight into a warehouse's tables (no ETL): areas with validity, lineage, values, targets and
/// thresholds, by code and period key. <see cref="SaveAsync"/> writes everything in one go.
/// </summary>
public sealed class Some(TestWarehouse warehouse)
{
    private readonly List<Area> _areas = [];
    private readonly List<AreaLineage> _lineage = [];
    private readonly List<(string Indicator, string Area, string Period, decimal Value, bool IsTarget)> _values = [];
    private readonly List<ThresholdParameter> _thresholds = [];

    /// <summary>An area valid from <paramref name="from"/> (default 2000-01-01) to <paramref name="to"/> (open).</summary>
    public Some Area(string code, string name, DateOnly? from = null, DateOnly? to = null, string? urbanRural = null)
    {
        var parsed = AreaCode.Parse(code);
        _areas.Add(new Area
        {
            AreaCode = code,
            Name = name,
            Level = parsed.Level,
            Kind = parsed.Kind,
            ParentCode = parsed.ParentCode,
            UrbanRuralClass = urbanRural,
            ValidFrom = from ?? new DateOnly(2000, 1, 1),
            ValidTo = to,
            IsCurrent = to is null,
            LoadedAt = DateTimeOffset.UnixEpoch,
        });
        return this;
    }

    /// <summary><paramref name="successor"/> replaces <paramref name="replaced"/> from <paramref name="effective"/>.</summary>
    public Some Replaces(string successor, string replaced, DateOnly effective)
    {
        _lineage.Add(new AreaLineage { AreaCode = successor, ReplacedCode = replaced, EffectiveDate = effective });
        return this;
    }

    public Some Value(string indicator, string area, string period, decimal value)
    {
        _values.Add((indicator, area, period, value, false));
        return this;
    }

    public Some Target(string indicator, string area, string period, decimal value)
    {
        _values.Add((indicator, area, period, value, true));
        return this;
    }

    /// <summary>A dated threshold value; the open value of the same parameter and area is closed the day before.</summary>
    public Some Threshold(string parameter, decimal value, DateOnly from, string? area = null)
    {
        _thresholds.Add(new ThresholdParameter { ParameterCode = parameter, AreaCode = area, ValidFrom = from, Value = value, Description = "test" });
        return this;
    }

    public async Task SaveAsync()
    {
        await using var db = warehouse.CreateDbContext();
        var batch = new LoadBatch { FileName = "some.csv", FileSha256 = Guid.NewGuid().ToString("N"), Status = LoadBatchStatus.Loaded, Kind = LoadBatchKind.IndicatorValues, StartedAt = DateTimeOffset.UnixEpoch };
        db.LoadBatches.Add(batch);
        db.Areas.AddRange(_areas);
        db.AreaLineage.AddRange(_lineage);
        foreach (var threshold in _thresholds)
        {
            var open = await db.ThresholdParameters.Where(p => p.ParameterCode == threshold.ParameterCode && p.AreaCode == threshold.AreaCode && p.ValidTo == null).ToListAsync();
            open.ForEach(p => p.ValidTo = threshold.ValidFrom.AddDays(-1));
            db.ThresholdParameters.Add(threshold);
        }

        await db.SaveChangesAsync();
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.IndicatorCode, i => i.IndicatorSk);
        var areas = await db.Areas.ToListAsync();
        foreach (var (indicator, code, period, value, isTarget) in _values)
        {
            var key = PeriodKey.Parse(period);
            var area = areas.Single(a => a.AreaCode == code && a.OverlapsPeriod(key.Start, key.End));
            var periodSk = PeriodSurrogateKey.Of(key);
            if (isTarget)
            {
                db.Targets.Add(new Target { AreaSk = area.AreaSk, IndicatorSk = indicators[indicator], PeriodSk = periodSk, TargetValue = value, LoadBatchId = batch.LoadBatchId });
            }
            else
            {
                db.IndicatorValues.Add(new IndicatorValue { AreaSk = area.AreaSk, IndicatorSk = indicators[indicator], PeriodSk = periodSk, Value = value, LoadBatchId = batch.LoadBatchId });
            }
        }

        await db.SaveChangesAsync();
        await WarehouseVersion.AdvanceAsync(db); // as a load does: an API's cached answers from before are unreachable
    }

    /// <summary>A date from its ISO spelling, for short test data.</summary>
    public static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
