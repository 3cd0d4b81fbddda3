namespace Governance.Etl.Validation;

/// <summary>Where a value was in the file: sheet (workbooks only), 1-based line or row, column header.</summary>
public readonly record struct SourcePosition(string? Sheet, int Line, string? Column)
{
    public override string ToString() => (Sheet is null ? "" : $"sheet {Sheet}, ") + $"line {Line}" + (Column is null ? "" : $", column {Column}");
}
