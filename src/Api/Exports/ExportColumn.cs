namespace Governance.Api.Exports;

/// <summary>A column of an exported table: its path of response keys (<c>area.code</c>) and its Chinese heading, from the schema's descriptions.</summary>
public sealed record ExportColumn(string Path, string Chinese)
{
    public string Heading(ExportHeadings headings) => headings == ExportHeadings.Chinese ? Chinese : Path;
}
