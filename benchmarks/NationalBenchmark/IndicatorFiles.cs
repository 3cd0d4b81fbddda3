using System.Globalization;
using System.Text;

namespace Governance.NationalBenchmark;

/// <summary>
/// The indicator files of the national run, in the loader's long format (area_code, period, indicator, value): every
/// village's collective operating income (CE_OPERATING_INCOME, 万元) yearly 2015-2024, and every community's residential
/// compounds and compounds with a party organisation (ORG_COMPOUNDS, ORG_COMPOUNDS_WITH_BRANCH) quarterly 2020-2024.
/// Each township draws from its own seeded generator, so a one-province run has the national run's values there.
/// </summary>
internal static class IndicatorFiles
{
    public const int FirstIncomeYear = 2015;
    public const int LastYear = 2024;
    public const int FirstCompoundYear = 2020;

    public static long WriteIncome(string path, IReadOnlyList<TownshipUnits> townships, int seed)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine("area_code,period,indicator,value");
        long rows = 0;
        foreach (var township in townships)
        {
            var random = Generator(seed, township, 1);
            foreach (var village in township.VillageCodes())
            {
                // Log-normal around 12 万元 in 2015 (about a third under the weak-village threshold of 10), 0-20% a year after.
                var income = Math.Exp(Math.Log(12) + (1.1 * Normal(random)));
                for (var year = FirstIncomeYear; year <= LastYear; year++)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{village},{year},CE_OPERATING_INCOME,{Math.Round(income, 2)}"));
                    income *= 1.0 + (0.2 * random.NextDouble());
                    rows++;
                }
            }
        }

        return rows;
    }

    public static long WriteCompounds(string path, IReadOnlyList<TownshipUnits> townships, int seed)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine("area_code,period,indicator,value");
        long rows = 0;
        foreach (var township in townships)
        {
            var random = Generator(seed, township, 2);
            foreach (var community in township.CommunityCodes())
            {
                var compounds = 5 + random.Next(15);
                var start = 0.4 + (0.3 * random.NextDouble());
                for (var year = FirstCompoundYear; year <= LastYear; year++)
                {
                    for (var quarter = 1; quarter <= 4; quarter++)
                    {
                        var share = Math.Min(1, start + (0.06 * (year - FirstCompoundYear)) + (0.015 * quarter));
                        var withBranch = (int)Math.Round(compounds * share);
                        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{community},{year}Q{quarter},ORG_COMPOUNDS,{compounds}"));
                        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{community},{year}Q{quarter},ORG_COMPOUNDS_WITH_BRANCH,{withBranch}"));
                        rows += 2;
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>A generator of the township's own: its code and the file mixed into the run's seed (not HashCode, which differs by process).</summary>
    private static Random Generator(int seed, TownshipUnits township, int file)
    {
        var code = long.Parse(township.Township.Code.AsSpan(0, 9), CultureInfo.InvariantCulture);
        return new Random((int)(((code * 31) + (file * 1_000_003L) + seed) % int.MaxValue));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
