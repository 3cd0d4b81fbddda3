using System.Globalization;
using System.Text;

namespace Governance.Etl.Validation;

/// <summary>Parses the numbers clerks type: thousands separators, full-width digits, a leading plus, spaces.</summary>
public static class NumberText
{
    /// <summary>Largest magnitude a numeric(19,4) column holds.</summary>
    public const decimal Limit = 999_999_999_999_999m;

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Normalize(NormalizationForm.FormKC)
            .Replace(",", "", StringComparison.Ordinal)
            .Replace("\u2212", "-", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00A0", "", StringComparison.Ordinal)
            .Trim();
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = Math.Round(parsed, 4, MidpointRounding.AwayFromZero);
        return true;
    }
}
