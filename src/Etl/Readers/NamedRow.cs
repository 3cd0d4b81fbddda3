using Governance.Etl.Validation;

namespace Governance.Etl.Readers;

/// <summary>A data row of a table with known columns; a column the file lacks reads as empty.</summary>
public sealed record NamedRow(string? Sheet, int Line, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values.GetValueOrDefault(column) ?? string.Empty;

    public SourcePosition At(string column) => new(Sheet, Line, column);
}
