using System.Globalization;
using System.Text;

namespace Governance.ApiBenchmark;

/// <summary>
/// Writes a province-shaped warehouse input: counties of 25 townships, each with villages and communities, and the
/// indicators the five benchmark queries read (collective income yearly, compounds quarterly), as the ETL's long CSV.
/// </summary>
internal static class ProvinceGenerator
{
    public static (string AreasFile, string ValuesFile, long Rows) Write(string folder, int villages, int fromYear, int toYear, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var areasFile = Path.Combine(folder, "areas.csv");
        var valuesFile = Path.Combine(folder, "values.csv");
        using var areas = new StreamWriter(areasFile, false, new UTF8Encoding(false));
        using var values = new StreamWriter(valuesFile, false, new UTF8Encoding(false));
        areas.WriteLine("code,name,urban_rural,valid_from");
        values.WriteLine("area_code,period,indicator,value");
        areas.WriteLine("360000000000,省,,2000-01-01");
        long rows = 0;
        const int VillagesPerTownship = 20;
        const int TownshipsPerCounty = 25;
        var townships = (villages + VillagesPerTownship - 1) / VillagesPerTownship;
        for (var t = 0; t < townships; t++)
        {
            var prefecture = 1 + (t / (TownshipsPerCounty * 20));
            var county = 1 + (t / TownshipsPerCounty % 20);
            var countyCode = $"36{prefecture:00}{county:00}";
            if (t % TownshipsPerCounty == 0)
            {
                if (t % (TownshipsPerCounty * 20) == 0)
                {
                    areas.WriteLine($"36{prefecture:00}00000000,市{prefecture},,2000-01-01");
                }

                areas.WriteLine($"{countyCode}000000,县{countyCode},,2000-01-01");
            }

            var township = $"{countyCode}{100 + (t % TownshipsPerCounty):000}";
            areas.WriteLine($"{township}000,镇{township},121,2000-01-01");
            for (var v = 0; v < VillagesPerTownship; v++)
            {
                var village = $"{township}{200 + v:000}";
                areas.WriteLine($"{village},村{village},220,2000-01-01");
                var income = Math.Exp(Math.Log(12) + (1.1 * Normal(random)));
                for (var year = fromYear; year <= toYear; year++)
                {
                    income *= 1.1 + (0.1 * random.NextDouble());
                    var operating = Math.Round(income, 2);
                    values.WriteLine(Invariant($"{village},{year},CE_OPERATING_INCOME,{operating}"));
                    values.WriteLine(Invariant($"{village},{year},CE_TOTAL_INCOME,{Math.Round(operating * 1.6, 2)}"));
                    rows += 2;
                }
            }

            for (var k = 0; k < VillagesPerTownship / 4; k++)
            {
                var community = $"{township}{1 + k:000}";
                areas.WriteLine($"{community},社区{community},111,2000-01-01");
                var compounds = 5 + random.Next(15);
                for (var year = fromYear; year <= toYear; year++)
                {
                    for (var q = 1; q <= 4; q++)
                    {
                        var withBranch = Math.Min(compounds, (int)Math.Round(compounds * (0.6 + (0.08 * (year - fromYear)) + (0.02 * q))));
                        values.WriteLine(Invariant($"{community},{year}Q{q},ORG_COMPOUNDS,{compounds}"));
                        values.WriteLine(Invariant($"{community},{year}Q{q},ORG_COMPOUNDS_WITH_BRANCH,{withBranch}"));
                        rows += 2;
                    }
                }
            }
        }

        return (areasFile, valuesFile, rows);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
