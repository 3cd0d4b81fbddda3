namespace Governance.Etl.Readers;

/// <summary>One row of a CSV file or a worksheet, cells as text; <see cref="Line"/> is 1-based.</summary>
public sealed record RawRow(string? Sheet, int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : string.Empty;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
