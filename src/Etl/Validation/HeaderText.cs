using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Etl.Validation;

/// <summary>Normalises header and name text so that spelling variants match: full-width forms, spaces, case, a bracketed unit.</summary>
public static partial class HeaderText
{
    /// <summary>NFKC (full-width to ASCII), no whitespace, lower case.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The normalised text without bracketed parts: 经营性收入(万元) becomes 经营性收入.</summary>
    public static string WithoutUnit(string? text) => Bracketed().Replace(Normalize(text), string.Empty);

    [GeneratedRegex(@"[\(\[【〔][^\)\]】〕]*[\)\]】〕]")]
    private static partial Regex Bracketed();
}
