using System.Text.RegularExpressions;

namespace Governance.Api.Exports;

/// <summary>
/// Chinese headings from the schema's descriptions, which name each field's Chinese term in parentheses
/// ("12-digit division code of the row's area (区划代码)."): the parenthesis right after the field's own name if there is
/// one ("the summed numerator (分子)"), else the first parenthesis holding Chinese, up to a comma or colon.
/// A heading two columns share takes the terms of the fields above it (区划名称, 上级区划名称), then its path.
/// </summary>
public static partial class ChineseTerm
{
    public static string? Of(string? description, string? fieldName = null)
    {
        if (string.IsNullOrEmpty(description))
        {
            return null;
        }

        var named = string.IsNullOrEmpty(fieldName) ? -1 : description.IndexOf(fieldName + " (", StringComparison.OrdinalIgnoreCase);
        var match = named >= 0 ? Parenthesis().Match(description, named + fieldName!.Length + 1) : Parenthesis().Match(description);
        if (!match.Success || (named >= 0 && match.Index != named + fieldName!.Length + 1))
        {
            match = Parenthesis().Match(description);
        }

        if (!match.Success)
        {
            return null;
        }

        var term = match.Groups[1].Value;
        var end = term.IndexOfAny([',', ':', ';', '，', '：', '；']);
        return (end < 0 ? term : term[..end]).Trim();
    }

    /// <summary>One heading per column, from each column's terms (one per path segment, the last its own).</summary>
    public static IReadOnlyList<string> Headings(IReadOnlyList<(string Path, IReadOnlyList<string> Terms)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var headings = columns.Select(c => c.Terms[^1]).ToArray();
        for (var depth = 2; ; depth++)
        {
            var clashes = Clashing(headings);
            if (clashes.Count == 0)
            {
                return headings;
            }

            var longer = false;
            foreach (var i in clashes)
            {
                var terms = columns[i].Terms;
                if (depth <= terms.Count)
                {
                    headings[i] = string.Concat(terms.Skip(terms.Count - depth));
                    longer = true;
                }
            }

            if (!longer)
            {
                foreach (var i in Clashing(headings))
                {
                    headings[i] = $"{headings[i]} ({columns[i].Path})";
                }

                return headings;
            }
        }
    }

    private static List<int> Clashing(string[] headings) =>
        [.. headings.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Select(x => x.i))];

    [GeneratedRegex(@"\(([^()]*\p{IsCJKUnifiedIdeographs}[^()]*)\)")]
    private static partial Regex Parenthesis();
}
