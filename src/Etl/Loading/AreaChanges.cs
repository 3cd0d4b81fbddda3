using Governance.Etl.Validation;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Loading;

/// <summary>
/// The dim_area versions and lineage that rows of an area list lead to, computed in memory before anything is written,
/// from the loaded versions and lineage of their codes. <see cref="AreaStaging"/> gives it the rows the database cannot
/// decide alone (every row of a code it holds, in file order), so these are the loader's rules for any file.
/// </summary>
internal sealed class AreaChanges(IEnumerable<Area> existing, IEnumerable<(string AreaCode, string ReplacedCode)> lineage, RejectCollector rejects, DateTimeOffset now)
{
    /// <summary>dim_area.name's length: a longer name is stored cut to it (and compared whole).</summary>
    public const int NameLength = 100;

    private readonly Dictionary<string, List<Area>> _versions = existing
        .GroupBy(a => a.AreaCode, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderBy(a => a.ValidFrom).ToList(), StringComparer.Ordinal);

    private readonly HashSet<(string, string)> _lineage = [.. lineage];

    public List<Area> Added { get; } = [];

    public HashSet<Area> Modified { get; } = [];

    public List<AreaLineage> Lineage { get; } = [];

    public int Inserted { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public void Apply(AreaRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var code = row.Code.Value;
        if (!_versions.TryGetValue(code, out var versions) || versions.Count == 0)
        {
            _versions[code] = [Open(row, row.ValidFrom ?? AreaRow.Beginning)];
            Inserted++;
            return;
        }

        var latest = AreaVersions.LatestStarted(versions);
        if (latest.ValidTo is { } closed && row.ValidFrom is { } reopened && reopened > closed)
        {
            // A code valid again after it was closed (replaced, or given a valid_to): a new version from its valid_from,
            // whether or not the name changed. Without a valid_from after the closing day the row restates the old version.
            versions.Add(Open(row, reopened));
            Updated++;
            return;
        }

        if (latest.Name == row.Name && (row.UrbanRural is null || row.UrbanRural == latest.UrbanRuralClass))
        {
            if (row.ValidTo is not { } to || latest.ValidTo == to)
            {
                Unchanged++;
            }
            else if (to < latest.ValidFrom)
            {
                Overlap(row, $"失效日期 {to:yyyy-MM-dd} 早于当前版本的生效日期 {latest.ValidFrom:yyyy-MM-dd} / valid_to {to:yyyy-MM-dd} is before the current version's valid_from {latest.ValidFrom:yyyy-MM-dd}");
            }
            else
            {
                Close(latest, to);
                Updated++;
            }

            return;
        }

        if (row.ValidFrom is not { } from || from <= latest.ValidFrom)
        {
            Overlap(row, $"名称或城乡分类变了，需要晚于 {latest.ValidFrom:yyyy-MM-dd} 的生效日期 / the name or class changed: give a valid_from after {latest.ValidFrom:yyyy-MM-dd}, when the current version starts");
            return;
        }

        if (latest.ValidTo is null || latest.ValidTo >= from)
        {
            Close(latest, from.AddDays(-1));
        }

        versions.Add(Open(row, from));
        Updated++;
    }

    public void ApplyReplaces(AreaRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.ValidFrom is not { } effective)
        {
            rejects.Add(row.Source.At("valid_from"), RejectRule.DateMalformed, null, "合并需要生效日期 / a merge (replaces) needs a valid_from");
            return;
        }

        foreach (var replaced in row.Replaces)
        {
            if (!_versions.TryGetValue(replaced, out var versions))
            {
                rejects.Add(row.Source.At("replaces"), RejectRule.UnknownArea, replaced, Messages.UnknownArea(replaced));
                continue;
            }

            if (_lineage.Add((row.Code.Value, replaced)))
            {
                Lineage.Add(new AreaLineage { AreaCode = row.Code.Value, ReplacedCode = replaced, EffectiveDate = effective });
            }

            foreach (var open in versions.Where(v => v.ValidTo is null || v.ValidTo >= effective).ToList())
            {
                if (open.ValidFrom >= effective)
                {
                    Overlap(row, $"被替代的 {replaced} 自 {open.ValidFrom:yyyy-MM-dd} 起有效，不能在 {effective:yyyy-MM-dd} 被替代 / replaced area {replaced} starts {open.ValidFrom:yyyy-MM-dd}, not before the merge on {effective:yyyy-MM-dd}");
                    continue;
                }

                Close(open, effective.AddDays(-1));
            }
        }
    }

    private Area Open(AreaRow row, DateOnly from)
    {
        var area = new Area
        {
            AreaCode = row.Code.Value,
            Name = row.Name.Length > NameLength ? row.Name[..NameLength] : row.Name,
            Level = row.Code.Level,
            Kind = row.Code.Kind,
            ParentCode = row.Code.ParentCode,
            UrbanRuralClass = row.UrbanRural,
            ValidFrom = from,
            ValidTo = row.ValidTo,
            IsCurrent = row.ValidTo is null,
            LoadedAt = now,
        };
        Added.Add(area);
        return area;
    }

    private void Close(Area version, DateOnly lastDay)
    {
        version.ValidTo = lastDay;
        version.IsCurrent = false;
        Modified.Add(version);
    }

    private void Overlap(AreaRow row, string message) =>
        rejects.Add(row.Source.At("valid_from"), RejectRule.ValidityOverlap, row.Source["valid_from"], $"区划 {row.Code}：{message}");
}
