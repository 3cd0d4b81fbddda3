using Governance.Warehouse.Catalogue;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Demo;

/// <summary>A generated county: its areas, every value its areas report, and the reports that are missing on purpose.</summary>
public sealed class DemoData
{
    private DemoData(DemoOptions options, DemoCounty county, IReadOnlyList<DemoValue> values, IReadOnlyList<(string AreaCode, int Year)> missing)
    {
        Options = options;
        County = county;
        Values = values;
        MissingReports = missing;
    }

    public DemoOptions Options { get; }

    public DemoCounty County { get; }

    /// <summary>Every value of every base indicator of the catalogue, at its native grain, from the kind of area that reports it.</summary>
    public IReadOnlyList<DemoValue> Values { get; }

    /// <summary>Units that sent nothing for a year, so that completeness has something to show.</summary>
    public IReadOnlyList<(string AreaCode, int Year)> MissingReports { get; }

    /// <summary>Generates the county; the same options (seed included) give the same data.</summary>
    public static DemoData Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var county = DemoCounty.Build(options, random);
        var values = new List<DemoValue>();
        var missing = new List<(string, int)>();
        var years = Enumerable.Range(options.FromYear, options.ToYear - options.FromYear + 1).ToList();

        foreach (var township in county.Townships)
        {
            var reports = new TownshipReports(random, county.UnitsOf(township).Count(u => u.Kind == AreaKind.Village));
            foreach (var year in years)
            {
                var bag = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
                reports.Fill(bag);
                Emit(township, year, bag, random, values);
            }
        }

        var economies = new Dictionary<string, VillageEconomy>(StringComparer.Ordinal);
        foreach (var unit in county.Units)
        {
            var unitYears = years.Where(unit.IsValidIn).ToList();
            var startingIncome = unit.Replaces.Count > 0 ? unit.Replaces.Sum(c => economies[c].LastOperatingIncome) * 1.12 : (double?)null;
            var economy = unit.Kind == AreaKind.Village ? new VillageEconomy(random, options.FromYear, startingIncome) : null;
            var organisation = new UnitOrganisation(random, unit.Kind == AreaKind.Community, options.FromYear);
            var skipped = MissedYear(random, unit, county, unitYears, options.ToYear);
            foreach (var year in unitYears)
            {
                var bag = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
                economy?.Fill(year, bag);
                organisation.Fill(year, bag);
                if (year == skipped)
                {
                    missing.Add((unit.Code, year));
                    continue;
                }

                Emit(unit, year, bag, random, values);
            }

            if (economy is not null)
            {
                economies[unit.Code] = economy;
            }
        }

        return new DemoData(options, county, values, missing);
    }

    /// <summary>True when areas of this kind report the indicator (INDICATORS.md, "reported by").</summary>
    public static bool Reports(DemoArea area, CatalogueEntry indicator) =>
        Reports(area.Kind, indicator ?? throw new ArgumentNullException(nameof(indicator)));

    public static bool Reports(AreaKind kind, CatalogueEntry indicator) => indicator?.CaptureLevel switch
    {
        CaptureLevel.Villages => kind == AreaKind.Village,
        CaptureLevel.Communities => kind == AreaKind.Community,
        CaptureLevel.VillagesAndCommunities => kind is AreaKind.Village or AreaKind.Community,
        _ => kind is AreaKind.Street or AreaKind.Town or AreaKind.Township,
    };

    public static IReadOnlyList<PeriodKey> PeriodsOf(int year, PeriodGrain grain) => grain switch
    {
        PeriodGrain.Year => [PeriodKey.ForYear(year)],
        PeriodGrain.Quarter => [.. Enumerable.Range(1, 4).Select(q => new PeriodKey(PeriodGrain.Quarter, year, q))],
        _ => [.. Enumerable.Range(1, 12).Select(m => new PeriodKey(PeriodGrain.Month, year, m))],
    };

    private static void Emit(DemoArea area, int year, Dictionary<string, decimal[]> bag, Random random, List<DemoValue> values)
    {
        foreach (var indicator in IndicatorCatalogue.Indicators.Where(i => !i.Derived && Reports(area, i)))
        {
            var periods = PeriodsOf(year, indicator.NativeGrain);
            // An indicator added to the catalogue after this generator was written still gets plausible values.
            var series = bag.TryGetValue(indicator.Code, out var known) && known.Length == periods.Count
                ? known
                : [.. periods.Select(_ => (decimal)random.Next(0, indicator.IsFlag ? 2 : 10))];
            values.AddRange(periods.Select((p, i) => new DemoValue(area.Code, p, indicator.Code, series[i])));
        }
    }

    private static int? MissedYear(Random random, DemoArea unit, DemoCounty county, List<int> years, int lastYear)
    {
        var candidates = years.Where(y => y < lastYear).ToList();
        if (candidates.Count == 0 || IsMergeRelated(unit, county))
        {
            return null;
        }

        // At least one missing report per county: the first village outside the merge misses its middle year.
        var forced = unit == county.Units.First(u => u.Kind == AreaKind.Village && !IsMergeRelated(u, county));
        return forced ? candidates[candidates.Count / 2] : random.Chance(1.0 / 30) ? random.Pick(candidates) : null;
    }

    private static bool IsMergeRelated(DemoArea unit, DemoCounty county) =>
        unit.Replaces.Count > 0 || county.Merged?.Replaces.Contains(unit.Code) == true;
}
