namespace Governance.Api.Exports;

/// <summary>What the header row says: the paths (<c>headings=path</c>, the default) or Chinese names (<c>headings=zh</c>).</summary>
public enum ExportHeadings
{
    Paths,
    Chinese,
}
