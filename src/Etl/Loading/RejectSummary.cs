namespace Governance.Etl.Loading;

/// <summary>One rejected value: where it was (sheet, line, column), what it held, which rule refused it and why.</summary>
public sealed record RejectSummary(string? Sheet, int? Line, string? Column, string Rule, string? RawValue, string Message)
{
    public string Where => (Sheet is null ? "" : $"sheet {Sheet}, ") + (Line is null ? "" : $"line {Line}") + (Column is null ? "" : $", column {Column}");

    public override string ToString() => $"{Where}: [{Rule}] {Message}" + (RawValue is null ? "" : $" (value: '{RawValue}')");
}
