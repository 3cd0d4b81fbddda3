using System.Globalization;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Demo;

/// <summary>The areas of the demo county: the county, its townships (streets, towns, townships) and their villages and communities, with one merge.</summary>
public sealed class DemoCounty
{
    private DemoCounty(DemoArea county, IReadOnlyList<DemoArea> townships, IReadOnlyList<DemoArea> units, DemoArea? merged)
    {
        County = county;
        Townships = townships;
        Units = units;
        Merged = merged;
    }

    public DemoArea County { get; }

    public IReadOnlyList<DemoArea> Townships { get; }

    /// <summary>Villages and communities: the village level that reports most indicators.</summary>
    public IReadOnlyList<DemoArea> Units { get; }

    /// <summary>The village that replaced two others, if the years allow a merge.</summary>
    public DemoArea? Merged { get; }

    public IEnumerable<DemoArea> All => Townships.Prepend(County).Concat(Units);

    public IEnumerable<DemoArea> UnitsOf(DemoArea township) => Units.Where(u => u.ParentCode == township.Code);

    internal static DemoCounty Build(DemoOptions options, Random random)
    {
        var names = new DemoNames(random);
        var from = new DateOnly(options.FromYear, 1, 1);
        var county = new DemoArea(DemoOptions.CountyCode, "青山县", null, from, null, []);
        var next = new Dictionary<AreaKind, int> { [AreaKind.Street] = 1, [AreaKind.Town] = 100, [AreaKind.Township] = 200 };
        var townshipAreas = new List<DemoArea>();
        foreach (var kind in TownshipKinds(options.Townships))
        {
            var suffix = kind switch { AreaKind.Street => "街道", AreaKind.Town => "镇", _ => "乡" };
            townshipAreas.Add(new DemoArea(Code(county.Code, next[kind]++, 0), names.Next(suffix), null, from, null, []));
        }

        var units = new List<DemoArea>();
        foreach (var township in townshipAreas)
        {
            for (var c = 0; c < options.CommunitiesPerTownship; c++)
            {
                units.Add(new DemoArea(Code(township.Code, 1 + c), names.Next("社区"), UrbanRural(township.Kind, AreaKind.Community, c), from, null, []));
            }

            for (var v = 0; v < options.VillagesPerTownship; v++)
            {
                units.Add(new DemoArea(Code(township.Code, 200 + v), names.Next("村"), UrbanRural(township.Kind, AreaKind.Village, v), from, null, []));
            }
        }

        var merged = options.MergeYear is { } year ? Merge(options, townshipAreas, units, names, year) : null;
        return new DemoCounty(county, townshipAreas, units, merged);
    }

    private static DemoArea Merge(DemoOptions options, List<DemoArea> townships, List<DemoArea> units, DemoNames names, int year)
    {
        var township = townships.LastOrDefault(t => t.Kind == AreaKind.Township) ?? townships[^1];
        var first = units.First(u => u.ParentCode == township.Code && u.Kind == AreaKind.Village);
        var second = units.First(u => u.ParentCode == township.Code && u.Kind == AreaKind.Village && u != first);
        var closed = new DateOnly(year - 1, 12, 31);
        units[units.IndexOf(first)] = first with { ValidTo = closed };
        units[units.IndexOf(second)] = second with { ValidTo = closed };
        var merged = new DemoArea(Code(township.Code, 200 + options.VillagesPerTownship), names.Next("村"), first.UrbanRural, new DateOnly(year, 1, 1), null, [first.Code, second.Code]);
        units.Add(merged);
        return merged;
    }

    private static IEnumerable<AreaKind> TownshipKinds(int count)
    {
        var streets = Math.Max(1, count / 6);
        var towns = (count - streets + 1) / 2;
        return Enumerable.Repeat(AreaKind.Street, streets)
            .Concat(Enumerable.Repeat(AreaKind.Town, towns))
            .Concat(Enumerable.Repeat(AreaKind.Township, count - streets - towns));
    }

    private static string UrbanRural(AreaKind township, AreaKind unit, int index) => (township, unit) switch
    {
        (AreaKind.Street, AreaKind.Community) => "111",
        (AreaKind.Street, _) => "112",
        (AreaKind.Town, AreaKind.Community) => "121",
        (AreaKind.Town, _) => index < 2 ? "122" : "220",
        (_, AreaKind.Community) => "210",
        _ => "220",
    };

    private static string Code(string county, int township, int unit) =>
        county[..6] + township.ToString("000", CultureInfo.InvariantCulture) + unit.ToString("000", CultureInfo.InvariantCulture);

    private static string Code(string township, int unit) => township[..9] + unit.ToString("000", CultureInfo.InvariantCulture);
}
