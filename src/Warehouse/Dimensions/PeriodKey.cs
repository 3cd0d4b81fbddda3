using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Warehouse.Dimensions;

/// <summary>A canonical period key (<c>2023</c>, <c>2023Q2</c>, <c>202305</c>), parsed from any of the spellings townships use.</summary>
public readonly partial record struct PeriodKey(PeriodGrain Grain, int Year, int Number)
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;

    public string Value => Grain switch
    {
        PeriodGrain.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodGrain.Quarter => $"{Year}Q{Number}",
        _ => $"{Year}{Number:00}",
    };

    public DateOnly Start => Grain switch
    {
        PeriodGrain.Year => new DateOnly(Year, 1, 1),
        PeriodGrain.Quarter => new DateOnly(Year, (Number * 3) - 2, 1),
        _ => new DateOnly(Year, Number, 1),
    };

    public DateOnly End => Grain switch
    {
        PeriodGrain.Year => new DateOnly(Year, 12, 31),
        PeriodGrain.Quarter => new DateOnly(Year, Number * 3, 1).AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, Number, 1).AddMonths(1).AddDays(-1),
    };

    public PeriodKey? Parent => Grain switch
    {
        PeriodGrain.Year => null,
        PeriodGrain.Quarter => new PeriodKey(PeriodGrain.Year, Year, 0),
        _ => new PeriodKey(PeriodGrain.Quarter, Year, ((Number - 1) / 3) + 1),
    };

    public string Label => Grain switch
    {
        PeriodGrain.Year => $"{Year}年",
        PeriodGrain.Quarter => $"{Year}年第{"一二三四"[Number - 1]}季度",
        _ => $"{Year}年{Number}月",
    };

    public static PeriodKey ForYear(int year) => new(PeriodGrain.Year, year, 0);

    /// <summary>
    /// Accepts 2023, 2023Q2, 2023q2, 2023-Q2, 202305, 2023-05, 2023/5, 2023.05, 2023年, 2023年5月, 2023年05月,
    /// 2023年第二季度, 2023年第2季度, 2023年二季度, with full-width digits too.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PeriodKey? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Normalize(NormalizationForm.FormKC).Trim().Replace(" ", "", StringComparison.Ordinal);
        PeriodKey candidate;
        Match m;
        if ((m = YearPattern().Match(s)).Success)
        {
            candidate = ForYear(Int(m.Groups[1].Value));
        }
        else if ((m = QuarterPattern().Match(s)).Success)
        {
            candidate = new PeriodKey(PeriodGrain.Quarter, Int(m.Groups[1].Value), Int(m.Groups[2].Value));
        }
        else if ((m = ChineseQuarterPattern().Match(s)).Success)
        {
            var q = m.Groups[2].Value;
            var number = "一二三四".IndexOf(q, StringComparison.Ordinal) is var i and >= 0 ? i + 1 : Int(q);
            candidate = new PeriodKey(PeriodGrain.Quarter, Int(m.Groups[1].Value), number);
        }
        else if ((m = MonthPattern().Match(s)).Success)
        {
            var month = m.Groups[2].Success ? m.Groups[2] : m.Groups[3].Success ? m.Groups[3] : m.Groups[4];
            candidate = new PeriodKey(PeriodGrain.Month, Int(m.Groups[1].Value), Int(month.Value));
        }
        else
        {
            return false;
        }

        var validNumber = candidate.Grain switch
        {
            PeriodGrain.Year => true,
            PeriodGrain.Quarter => candidate.Number is >= 1 and <= 4,
            _ => candidate.Number is >= 1 and <= 12,
        };
        if (!validNumber || candidate.Year is < MinYear or > MaxYear)
        {
            return false;
        }

        key = candidate;
        return true;
    }

    public static PeriodKey Parse(string text) =>
        TryParse(text, out var key) ? key.Value : throw new FormatException($"'{text}' is not a period (use 2023, 2023Q2 or 202305).");

    public override string ToString() => Value;

    private static int Int(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})(?:年(?:度)?)?$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(\d{4})[-/.]?[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})年第?([一二三四1-4])季度?$")]
    private static partial Regex ChineseQuarterPattern();

    // The first day of a month is the month: Excel turns "2024-05" or "2024年5月" typed in a cell into that date.
    [GeneratedRegex(@"^(\d{4})(?:(\d{2})|[-/.](\d{1,2})(?:[-/.]0?1)?|年(\d{1,2})月(?:份|1日)?)$")]
    private static partial Regex MonthPattern();
}
