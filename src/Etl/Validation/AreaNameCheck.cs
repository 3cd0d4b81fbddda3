using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;

namespace Governance.Etl.Validation;

/// <summary>
/// Compares the name column of a report row (名称, 村名, ...) with the names the area list holds for the row's code (any
/// version, see <see cref="AreaNameText"/>); a name that matches none is a <see cref="Rule"/> warning naming the code,
/// the name in the file and the name in the area list, once per code and name in a file. The value still loads: a typed code that files 某村's figures
/// under 后河村 is caught without stopping a file over a spelling.
/// </summary>
public sealed class AreaNameCheck(AreaLookup areas)
{
    public const string Rule = "name_mismatch";

    private readonly List<LoadWarning> _warnings = [];
    private readonly HashSet<(string Code, string Name)> _warned = [];

    public IReadOnlyList<LoadWarning> Warnings => _warnings;

    public void Check(SourcePosition at, string column, string fileName, Area area, PeriodKey period)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (!string.Equals(fileName, area.Name, StringComparison.Ordinal) && !AreaNameText.Matches(fileName, areas.Versions(area.AreaCode).Select(v => v.Name))
            && _warned.Add((area.AreaCode, fileName)))
        {
            _warnings.Add(new LoadWarning
            {
                Rule = Rule,
                AreaCode = area.AreaCode,
                PeriodKey = period.Value,
                IndicatorCode = string.Empty,
                Message = Messages.NameMismatch(at with { Column = column }, area.AreaCode, fileName.Length > 100 ? fileName[..100] : fileName, area.Name),
            });
        }
    }
}
