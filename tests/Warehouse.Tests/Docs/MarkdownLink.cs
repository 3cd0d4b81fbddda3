namespace Governance.Warehouse.Tests.Docs;

/// <summary>One relative link of a markdown file: <c>[text](target)</c>, the target split into path and anchor.</summary>
public sealed record MarkdownLink(string File, int Line, string Text, string Path, string? Anchor)
{
    public override string ToString() =>
        $"{File}:{Line}: [{Text}]({Path}{(Anchor is null ? "" : "#" + Anchor)})";
}
