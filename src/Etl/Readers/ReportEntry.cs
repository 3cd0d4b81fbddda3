using Governance.Etl.Validation;

namespace Governance.Etl.Readers;

/// <summary>
/// One reported value as the file spells it: a row of a long file, or one indicator cell of a wide row. <see cref="At"/>
/// names the value's cell; <see cref="Columns"/> the headers of the area, period and indicator it was read with.
/// </summary>
public sealed record ReportEntry(SourcePosition At, ReportColumns Columns, string AreaCode, string? Period, string Indicator, string Value, string? Status, string? Note);
