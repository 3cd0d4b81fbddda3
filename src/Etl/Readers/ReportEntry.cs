using Governance.Etl.Validation;

namespace Governance.Etl.Readers;

/// <summary>
/// One reported value as the file spells it: a row of a long file, or one indicator cell of a wide row. <see cref="At"/>
/// names the value's cell; <see cref="Columns"/> the headers of the area, period and indicator it was read with;
/// <see cref="Name"/> the row's name cell (名称, 村名), null when the file has no name column.
/// </summary>
public sealed record ReportEntry(SourcePosition At, ReportColumns Columns, string AreaCode, string? Period, string Indicator, string Value, string? Status, string? Note, string? Name = null);
