using System.Globalization;
using System.Text;
using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Tests.Loading;

/// <summary>
/// The outlier rule on seeded, generated data: incomes growing 10-20% a year with noise (a twentieth of the villages
/// much noisier), and compound counts of 0-10 moving by one; a few tenfold jumps and drops planted in each. The
/// warnings must be exactly the values the documented rule picks (computed here from the generated numbers), hold
/// every planted jump, and be at most 0.5% of the clean values.
/// </summary>
public sealed class OutlierRuleOnGeneratedDataTests
{
    private const int Towns = 8;
    private const int PerTown = 150;
    private const int Planted = 12;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FewCleanValuesAreFlaggedAndEveryPlantedTenfoldJumpIs(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var data = Generated.Create(new Random(20261126));
        var areas = await Loaders.Areas(warehouse).LoadAsync(folder.Write("areas.csv", data.AreaList()), LoadOptions.Default, TestContext.Current.CancellationToken);
        Assert.Equal(LoadBatchStatus.Loaded, areas.Status);
        var loader = Loaders.Indicators(warehouse);
        var before = await loader.LoadAsync(folder.Write("before.csv", data.File(current: false)), LoadOptions.Default, TestContext.Current.CancellationToken);
        var result = await loader.LoadAsync(folder.Write("after.csv", data.File(current: true)), LoadOptions.Default, TestContext.Current.CancellationToken);

        await using var db = warehouse.CreateDbContext();
        var flagged = (await db.LoadWarnings.Where(w => w.LoadBatchId == result.LoadBatchId).ToListAsync(TestContext.Current.CancellationToken))
            .Select(w => (w.IndicatorCode, w.AreaCode))
            .ToHashSet();
        var options = new LoadingOptions();
        var expected = data.Series.SelectMany(s => Rule.Flagged(s, options.OutlierMinimumRatio, options.OutlierMinimumAbsoluteChange)).ToHashSet();
        var zAlone = data.Series.SelectMany(s => Rule.Flagged(s, 1, 0)).ToHashSet();
        Assert.Equal((LoadBatchStatus.Loaded, LoadBatchStatus.Loaded, 2 * Towns * PerTown), (before.Status, result.Status, result.Inserted));
        Assert.Equal(expected.Order().ToList(), flagged.Order().ToList());
        foreach (var series in data.Series)
        {
            var planted = series.Planted.Select(a => (series.Indicator, a)).ToHashSet();
            Assert.Subset(flagged, planted);
            var cleanFlagged = flagged.Count(f => f.IndicatorCode == series.Indicator && !planted.Contains(f));
            var cleanZAlone = zAlone.Count(f => f.IndicatorCode == series.Indicator && !planted.Contains(f));
            var clean = series.Pairs.Count - planted.Count;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{series.Indicator}: {clean} clean values, {cleanFlagged} flagged ({100.0 * cleanFlagged / clean:0.00}%), robust z alone {cleanZAlone} ({100.0 * cleanZAlone / clean:0.00}%)");
            Assert.InRange(cleanFlagged, 0, clean * 0.005);
        }
    }

    /// <summary>The documented rule, computed independently of the loader.</summary>
    private static class Rule
    {
        public static IEnumerable<(string IndicatorCode, string AreaCode)> Flagged(Series series, double minimumRatio, double minimumChange)
        {
            var pairs = series.Pairs.Where(p => p.Value.Before > 0 && p.Value.After > 0).ToList();
            var changes = pairs.Select(p => Math.Log((double)p.Value.After / (double)p.Value.Before)).ToArray();
            var median = Median(changes);
            var deviations = changes.Select(c => Math.Abs(c - median)).ToArray();
            var mad = Median(deviations);
            var scale = mad > 0 ? mad / 0.6745 : 1.253314 * deviations.Average();
            var floor = series.IsCount ? minimumChange : 0;
            return pairs
                .Where((p, i) => Math.Abs((changes[i] - median) / scale) > 3.5 && Math.Abs(changes[i]) >= Math.Log(minimumRatio) - 1e-12
                    && Math.Abs((double)(p.Value.After - p.Value.Before)) >= floor)
                .Select(p => (series.Indicator, p.Key));
        }

        private static double Median(double[] values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    /// <summary>One indicator's values a year apart by area code, and the codes whose value was planted.</summary>
    private sealed record Series(string Indicator, string PeriodBefore, string PeriodAfter, bool IsCount, IReadOnlyDictionary<string, (decimal Before, decimal After)> Pairs, IReadOnlySet<string> Planted);

    private sealed record Generated(IReadOnlyList<string> Villages, IReadOnlyList<string> Communities, IReadOnlyList<Series> Series)
    {
        public static Generated Create(Random random)
        {
            var towns = Enumerable.Range(101, Towns).Select(t => $"361100{t:000}").ToList();
            var villages = towns.SelectMany(t => Enumerable.Range(200, PerTown).Select(v => $"{t}{v:000}")).ToList();
            var communities = towns.SelectMany(t => Enumerable.Range(1, PerTown).Select(c => $"{t}{c:000}")).ToList();
            return new Generated(villages, communities, [Incomes(random, villages), Compounds(random, communities)]);
        }

        public string AreaList()
        {
            var text = new StringBuilder("code,name,urban_rural\n");
            foreach (var town in Villages.Select(v => v[..9]).Distinct())
            {
                text.Append(CultureInfo.InvariantCulture, $"{town}000,镇{town[6..]},121\n");
            }

            foreach (var code in Villages)
            {
                text.Append(CultureInfo.InvariantCulture, $"{code},村{code[6..]},220\n");
            }

            foreach (var code in Communities)
            {
                text.Append(CultureInfo.InvariantCulture, $"{code},社区{code[6..]},111\n");
            }

            return text.ToString();
        }

        public string File(bool current)
        {
            var text = new StringBuilder("area_code,period,indicator,value\n");
            foreach (var series in Series)
            {
                foreach (var (code, (before, after)) in series.Pairs)
                {
                    var value = (current ? after : before).ToString(CultureInfo.InvariantCulture);
                    text.Append(CultureInfo.InvariantCulture, $"{code},{(current ? series.PeriodAfter : series.PeriodBefore)},{series.Indicator},{value}\n");
                }
            }

            return text.ToString();
        }

        /// <summary>Lognormal incomes (median 50 万元), each village growing 10-20% a year; noise 8%, for a twentieth 30%.</summary>
        private static Series Incomes(Random random, IReadOnlyList<string> villages)
        {
            var planted = villages.OrderBy(_ => random.Next()).Take(Planted).ToHashSet();
            var pairs = new Dictionary<string, (decimal, decimal)>();
            var up = true;
            foreach (var code in villages)
            {
                var before = Math.Max(1, Math.Exp(Math.Log(50) + Normal(random)));
                var growth = Math.Log(1.10 + (0.10 * random.NextDouble())) + (0.08 * Normal(random)) + (random.NextDouble() < 0.05 ? 0.3 * Normal(random) : 0);
                var after = planted.Contains(code) ? (up = !up) ? before * 10 : before / 10 : before * Math.Exp(growth);
                pairs[code] = (Round(before, 2), Round(after, 2));
            }

            return new Series("CE_TOTAL_INCOME", "2022", "2023", IsCount: false, pairs, planted);
        }

        /// <summary>Compounds: Poisson(4) capped at 10, the next year one more (20%), one fewer (20%) or the same; jumps x10 and 10 to 1 planted.</summary>
        private static Series Compounds(Random random, IReadOnlyList<string> communities)
        {
            var planted = communities.OrderBy(_ => random.Next()).Take(Planted).ToHashSet();
            var pairs = new Dictionary<string, (decimal, decimal)>();
            var up = true;
            foreach (var code in communities)
            {
                var before = Math.Min(10, Poisson(random, 4));
                var step = random.NextDouble() switch { < 0.2 => -1, < 0.4 => 1, _ => 0 };
                (int Before, int After) pair = planted.Contains(code)
                    ? (up = !up) ? (Math.Max(1, before), Math.Max(1, before) * 10) : (10, 1)
                    : (before, Math.Max(0, before + step));
                pairs[code] = (pair.Before, pair.After);
            }

            return new Series("ORG_COMPOUNDS", "2022Q1", "2023Q1", IsCount: true, pairs, planted);
        }

        private static decimal Round(double value, int decimals) => Math.Round((decimal)value, decimals);

        private static double Normal(Random random) =>
            Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        private static int Poisson(Random random, double mean)
        {
            var (limit, product, count) = (Math.Exp(-mean), random.NextDouble(), 0);
            while (product > limit)
            {
                (product, count) = (product * random.NextDouble(), count + 1);
            }

            return count;
        }
    }
}
