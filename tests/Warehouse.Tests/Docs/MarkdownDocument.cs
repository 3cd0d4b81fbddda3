using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Warehouse.Tests.Docs;

/// <summary>The relative links and the heading anchors of one markdown file, as GitHub renders them.</summary>
public sealed partial class MarkdownDocument(string relativePath, IReadOnlyList<string> lines)
{
    public string RelativePath { get; } = relativePath;

    public static MarkdownDocument Read(string root, string path) =>
        new(System.IO.Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllLines(path));

    /// <summary>Links outside code blocks and code spans whose target has no scheme (<c>https:</c>, <c>mailto:</c>).</summary>
    public IEnumerable<MarkdownLink> RelativeLinks() =>
        ProseLines()
            .SelectMany(line => Link().Matches(CodeSpan().Replace(line.Text, "")).Select(m => (line.Number, Match: m)))
            .Where(l => !Scheme().IsMatch(l.Match.Groups["target"].Value))
            .Select(l => ToLink(l.Number, l.Match.Groups["text"].Value, l.Match.Groups["target"].Value));

    /// <summary>GitHub's anchor of every heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    public IReadOnlySet<string> Anchors()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in ProseLines())
        {
            var heading = Heading().Match(line.Text);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["title"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    public static string Slug(string title)
    {
        var text = Link().Replace(title.Trim(), m => m.Groups["text"].Value);
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private MarkdownLink ToLink(int line, string text, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        return new MarkdownLink(RelativePath, line, text, path, anchor);
    }

    private IEnumerable<(int Number, string Text)> ProseLines()
    {
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (Fence().IsMatch(lines[i]))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return (i + 1, lines[i]);
            }
        }
    }

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(`+).+?\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<title>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
