using System.Globalization;
using System.Text;

namespace Governance.Etl.Validation;

/// <summary>Parses the dates of area lists: 2024-01-01, 2024/1/1, 20240101, 2024.1.1, 2024年1月1日.</summary>
public static class DateText
{
    private static readonly string[] Formats = ["yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日", "yyyy-M-d H:mm:ss"];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        if (DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        return false;
    }
}
