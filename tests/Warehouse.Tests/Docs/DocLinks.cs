namespace Governance.Warehouse.Tests.Docs;

/// <summary>Every markdown file under a root (build output, packages and hidden folders left out) and its broken links.</summary>
public static class DocLinks
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "node_modules", "bin", "obj", "TestResults" };

    public static IReadOnlyList<MarkdownDocument> Documents(string root) =>
        MarkdownFiles(new DirectoryInfo(root))
            .Select(file => MarkdownDocument.Read(root, file.FullName))
            .OrderBy(document => document.RelativePath, StringComparer.Ordinal)
            .ToList();

    /// <summary>Links whose file does not exist, or whose anchor names no heading of the markdown file they point at.</summary>
    public static IReadOnlyList<string> Broken(string root)
    {
        var documents = Documents(root);
        var anchors = documents.ToDictionary(d => d.RelativePath, d => d.Anchors(), StringComparer.Ordinal);
        return documents
            .SelectMany(document => document.RelativeLinks())
            .Select(link => Problem(root, link, anchors))
            .OfType<string>()
            .ToList();
    }

    private static string? Problem(string root, MarkdownLink link, Dictionary<string, IReadOnlySet<string>> anchors)
    {
        var target = Target(link);
        var full = Path.GetFullPath(Path.Combine(root, target));
        if (link.Path.Length > 0 && !File.Exists(full) && !Directory.Exists(full))
        {
            return $"{link}: no file {target}";
        }

        var key = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (link.Anchor is { Length: > 0 } anchor && anchors.TryGetValue(key, out var headings) && !headings.Contains(anchor))
        {
            return $"{link}: no heading #{anchor} in {key}";
        }

        return null;
    }

    private static string Target(MarkdownLink link)
    {
        if (link.Path.Length == 0)
        {
            return link.File;
        }

        var folder = Path.GetDirectoryName(link.File) ?? "";
        return link.Path.StartsWith('/') ? link.Path.TrimStart('/') : Path.Combine(folder, link.Path);
    }

    private static IEnumerable<FileInfo> MarkdownFiles(DirectoryInfo folder) =>
        folder.EnumerateFiles("*.md")
            .Concat(folder.EnumerateDirectories()
                .Where(d => !d.Name.StartsWith('.') && !SkippedFolders.Contains(d.Name))
                .SelectMany(MarkdownFiles));
}
