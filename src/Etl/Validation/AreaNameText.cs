using System.Globalization;
using System.Text;

namespace Governance.Etl.Validation;

/// <summary>
/// Whether the name a file gives an area is one of the names the area list holds for its code, up to the usual spelling
/// variants: width and whitespace, the suffixes 村/村委会/村民委员会/社区/居委会/社区居民委员会/镇/乡/街道/办事处 (so 后河村,
/// 后河村委会 and 后河 are one name), and the names of enclosing areas written before it (样例镇后河村).
/// </summary>
public static class AreaNameText
{
    /// <summary>Longest first, so that 村民委员会 is dropped whole rather than leaving 村民委员.</summary>
    private static readonly string[] Suffixes =
        ["社区居民委员会", "村民委员会", "居民委员会", "街道办事处", "社区居委会", "村委会", "居委会", "办事处", "社区", "街道", "村", "镇", "乡"];

    /// <summary>The last characters of an enclosing area's name, when one is written before the area's own.</summary>
    private static readonly string[] EnclosingEnds = ["省", "市", "县", "区", "旗", "镇", "乡", "街道", "办事处"];

    /// <summary>True when <paramref name="fileName"/> names the same area as one of <paramref name="knownNames"/>.</summary>
    public static bool Matches(string fileName, IEnumerable<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(knownNames);
        var file = Core(fileName);
        return knownNames.Any(known => string.Equals(known, fileName, StringComparison.Ordinal) || SameCore(file, Core(known)));
    }

    /// <summary>NFKC (full-width to half-width), no whitespace, then the usual suffixes dropped as long as one character stays.</summary>
    public static string Core(string? name)
    {
        var text = Compact(name);
        var dropped = true;
        while (dropped)
        {
            dropped = false;
            foreach (var suffix in Suffixes)
            {
                if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
                {
                    text = text[..^suffix.Length];
                    dropped = true;
                    break;
                }
            }
        }

        return text;
    }

    private static bool SameCore(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.EndsWith(shorter, StringComparison.Ordinal)
            && EnclosingEnds.Any(end => longer[..^shorter.Length].EndsWith(end, StringComparison.Ordinal));
    }

    private static string Compact(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var normalized = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
