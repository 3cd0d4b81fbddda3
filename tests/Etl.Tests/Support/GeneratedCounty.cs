using System.Globalization;
using System.Text;

namespace Governance.Etl.Tests.Support;

/// <summary>
/// A random prefecture (seeded) written as the files a county office sends: two counties of towns, a street and a 乡,
/// villages and communities with missing reports, indicators of every area rule (flows, stocks, ratios with a
/// year-to-date numerator, flags, thresholds, a weighted average, township-reported months), two village merges
/// (2023 and 2024) and a restatement. Loaded in the order an office would: areas, two years per county, the first
/// merge, 2023, the second merge, 2024, then corrections.
/// </summary>
public sealed class GeneratedCounty
{
    public const string Province = "360000000000";
    public const string Prefecture = "361100000000";
    public static readonly string[] Counties = ["361102000000", "361103000000"];
    public static readonly string[] Townships = ["361102101000", "361102102000", "361102001000", "361103101000", "361103201000"];

    private readonly Random _random;
    private readonly List<(string Code, int From, int To)> _villages = [];
    private readonly List<string> _communities = [];

    public GeneratedCounty(int seed)
    {
        _random = new Random(seed);
        foreach (var township in Townships)
        {
            var prefix = township[..9];
            if (!township[6..9].StartsWith('0'))
            {
                for (var v = 0; v < 5; v++)
                {
                    _villages.Add(($"{prefix}{200 + v}", 2000, 2100));
                }
            }

            for (var c = 1; c <= 2; c++)
            {
                _communities.Add($"{prefix}{c:000}");
            }
        }

        // 361102101201 and 361102101202 merge into 361102101210 from 2023; 361103201200 and 361103201201 into 361103201215 from 2024.
        Close("361102101201", 2022);
        Close("361102101202", 2022);
        _villages.Add(("361102101210", 2023, 2100));
        Close("361103201200", 2023);
        Close("361103201201", 2023);
        _villages.Add(("361103201215", 2024, 2100));
    }

    public static string Areas =>
        "code,name,urban_rural\n"
        + $"{Province},江西省,\n{Prefecture},新余市,\n{Counties[0]},甲县,\n{Counties[1]},乙县,\n"
        + string.Concat(Townships.Select((t, i) => $"{t},乡镇{i},121\n"))
        + string.Concat(Townships.Where(t => !t[6..9].StartsWith('0')).SelectMany(t => Enumerable.Range(0, 5).Select(v => $"{t[..9]}{200 + v},村{t[6..9]}{v},220\n")))
        + string.Concat(Townships.SelectMany(t => Enumerable.Range(1, 2).Select(c => $"{t[..9]}{c:000},社区{t[6..9]}{c},111\n")));

    public static string FirstMerge => "code,name,urban_rural,valid_from,replaces\n361102101210,合并村,220,2023-01-01,361102101201;361102101202\n";

    public static string SecondMerge => "code,name,urban_rural,valid_from,replaces\n361103201215,合并乡村,220,2024-01-01,361103201200;361103201201\n";

    /// <summary>One county's values of one year (about one value in seven missing).</summary>
    public string Year(string county, int year)
    {
        var rows = new StringBuilder("area_code,period,indicator,value\n");
        var prefix = county[..6];
        foreach (var (village, _, _) in _villages.Where(v => v.Code.StartsWith(prefix, StringComparison.Ordinal) && v.From <= year && v.To >= year))
        {
            var total = Money(1, 160);
            Add(rows, village, $"{year}", "CE_TOTAL_INCOME", total);
            Add(rows, village, $"{year}", "CE_OPERATING_INCOME", Math.Round(total * (decimal)_random.NextDouble(), 2));
            Add(rows, village, $"{year}", "ECOM_BRANCH_INDUSTRY", _random.Next(0, 2));
            var cadres = _random.Next(3, 12);
            Add(rows, village, $"{year}", "CAD_VILLAGE_CADRES", cadres);
            Add(rows, village, $"{year}", "CAD_EVAL_SCORE", Math.Round((decimal)(60 + (_random.NextDouble() * 40)), 1));
            UnitOrganisation(rows, village, year);
        }

        foreach (var community in _communities.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)))
        {
            UnitOrganisation(rows, community, year);
            for (var q = 1; q <= 4; q++)
            {
                var compounds = _random.Next(4, 20);
                Add(rows, community, $"{year}Q{q}", "ORG_COMPOUNDS", compounds);
                Add(rows, community, $"{year}Q{q}", "ORG_COMPOUNDS_WITH_BRANCH", _random.Next(0, compounds + 1));
            }
        }

        foreach (var township in Townships.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)))
        {
            for (var m = 1; m <= 12; m++)
            {
                Add(rows, township, $"{year}{m:00}", "CAD_TRAINING_SESSIONS", _random.Next(0, 4));
            }

            Add(rows, township, $"{year}", "ORG_DEMO_SITES", _random.Next(0, 3));
            Add(rows, township, $"{year}", "PRJ_INCOME_GAIN", Money(0, 50));
        }

        return rows.ToString();
    }

    /// <summary>Corrected values for a few villages of both counties in two years (every one a restatement or a late report).</summary>
    public string Corrections()
    {
        var rows = new StringBuilder("area_code,period,indicator,value\n");
        foreach (var (village, from, to) in _villages.Where((_, i) => i % 4 == 1))
        {
            foreach (var year in new[] { 2022, 2024 }.Where(y => y >= from && y <= to))
            {
                rows.Append(CultureInfo.InvariantCulture, $"{village},{year},CE_TOTAL_INCOME,200\n");
                rows.Append(CultureInfo.InvariantCulture, $"{village},{year},CE_OPERATING_INCOME,{Money(0, 20)}\n");
            }
        }

        return rows.ToString();
    }

    private void UnitOrganisation(StringBuilder rows, string unit, int year)
    {
        var cadres = _random.Next(6, 20);
        Add(rows, unit, $"{year}", "CAD_CADRES", cadres);
        for (var q = 1; q <= 4; q++)
        {
            Add(rows, unit, $"{year}Q{q}", "CAD_CADRES_TRAINED", _random.Next(0, (cadres / 4) + 1));
            var grids = _random.Next(2, 9);
            Add(rows, unit, $"{year}Q{q}", "GOV_GRIDS", grids);
            Add(rows, unit, $"{year}Q{q}", "GOV_GRIDS_WITH_PARTY", _random.Next(0, grids + 1));
        }
    }

    /// <summary>A value, or (about one time in seven) nothing: a report that did not come.</summary>
    private void Add(StringBuilder rows, string area, string period, string indicator, decimal value)
    {
        if (_random.Next(7) != 0)
        {
            rows.Append(CultureInfo.InvariantCulture, $"{area},{period},{indicator},{value}\n");
        }
    }

    private decimal Money(int low, int high) => Math.Round((decimal)(low + (_random.NextDouble() * (high - low))), 2);

    private void Close(string code, int lastYear)
    {
        var i = _villages.FindIndex(v => v.Code == code);
        _villages[i] = _villages[i] with { To = lastYear };
    }
}
