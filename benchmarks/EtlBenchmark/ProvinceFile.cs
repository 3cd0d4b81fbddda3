using System.Globalization;
using System.Text;
using Governance.Warehouse.Catalogue;
using Governance.Warehouse.Dimensions;

namespace Governance.EtlBenchmark;

/// <summary>
/// A province-sized input: counties of 120 towns with 17 villages each, and one long CSV with every yearly and quarterly
/// indicator that villages report, for every village and year. Values keep parts within wholes and flags 0/1.
/// </summary>
internal static class ProvinceFile
{
    private const int VillagesPerTown = 17;
    private const int TownsPerCounty = 120;

    public static IEnumerable<string> VillageCodes(int villages)
    {
        for (var v = 0; v < villages; v++)
        {
            var town = v / VillagesPerTown;
            yield return Code(town / TownsPerCounty, 100 + (town % TownsPerCounty), 200 + (v % VillagesPerTown));
        }
    }

    public static int WriteAreas(string path, int villages)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("code,name,urban_rural,valid_from");
        var written = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var village in VillageCodes(villages))
        {
            foreach (var code in new[] { village[..6] + "000000", village[..9] + "000" })
            {
                if (written.Add(code))
                {
                    writer.WriteLine($"{code},区划{code},,2000-01-01");
                    rows++;
                }
            }

            writer.WriteLine($"{village},村{village[6..]},220,2000-01-01");
            rows++;
        }

        return rows;
    }

    /// <summary>Writes the long file and returns its data rows.</summary>
    public static long WriteValues(string path, int villages, int years)
    {
        var indicators = IndicatorCatalogue.Indicators
            .Where(i => !i.Derived && i.CaptureLevel is CaptureLevel.Villages or CaptureLevel.VillagesAndCommunities && i.NativeGrain != PeriodGrain.Month)
            .ToList();
        var random = new Random(2024);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        writer.WriteLine("area_code,period,indicator,value");
        long rows = 0;
        foreach (var village in VillageCodes(villages))
        {
            for (var year = 2025 - years; year < 2025; year++)
            {
                var size = random.Next(20, 60);
                foreach (var indicator in indicators)
                {
                    var periods = indicator.NativeGrain == PeriodGrain.Year ? new[] { year.ToString(CultureInfo.InvariantCulture) } : [$"{year}Q1", $"{year}Q2", $"{year}Q3", $"{year}Q4"];
                    foreach (var period in periods)
                    {
                        writer.Write(village);
                        writer.Write(',');
                        writer.Write(period);
                        writer.Write(',');
                        writer.Write(indicator.Code);
                        writer.Write(',');
                        writer.WriteLine(Value(indicator, size, random).ToString(CultureInfo.InvariantCulture));
                        rows++;
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>Wholes get the full size, parts (and everything else) a share of it: parts never exceed wholes.</summary>
    private static decimal Value(CatalogueEntry indicator, int size, Random random) => indicator switch
    {
        { IsFlag: true } => random.Next(0, 2),
        { MaxValue: { } max } => Math.Min(max, random.Next(60, 100)),
        { PartOf: not null } => random.Next(0, size / 4),
        { Code: "CE_TOTAL_INCOME" or "CAD_CADRES" or "GOV_GRIDS" or "CAD_VILLAGE_CADRES" } => size,
        _ => random.Next(0, size / 4),
    };

    private static string Code(int county, int town, int village) =>
        $"36{1 + (county / 20):00}{1 + (county % 20):00}{town:000}{village:000}";

    /// <summary>
    /// A township's report of the last year again, restated: every value that is not a flag or a score doubled (parts
    /// stay within their wholes), the typical file that follows a province's first load. Returns its data rows.
    /// </summary>
    public static long WriteTownshipRestatement(string values, string path)
    {
        var kept = IndicatorCatalogue.Indicators.Where(i => i.IsFlag || i.MaxValue is not null).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var town = VillageCodes(1).First()[..9];
        const string Year = "2024"; // the last year of every file
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("area_code,period,indicator,value");
        long rows = 0;
        foreach (var line in File.ReadLines(values).Skip(1))
        {
            var fields = line.Split(',');
            if (!fields[0].StartsWith(town, StringComparison.Ordinal) || !fields[1].StartsWith(Year, StringComparison.Ordinal))
            {
                continue;
            }

            var value = decimal.Parse(fields[3], CultureInfo.InvariantCulture);
            writer.WriteLine($"{fields[0]},{fields[1]},{fields[2]},{(kept.Contains(fields[2]) ? value : value * 2).ToString(CultureInfo.InvariantCulture)}");
            rows++;
        }

        return rows;
    }
}
