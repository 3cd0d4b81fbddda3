namespace Governance.Etl.Readers;

/// <summary>The columns of a target file and their accepted spellings.</summary>
public static class TargetColumns
{
    public const string AreaCode = "area_code";
    public const string Indicator = "indicator";
    public const string Period = "period";
    public const string Target = "target";

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> All = new Dictionary<string, IReadOnlySet<string>>
    {
        [AreaCode] = ColumnNames.AreaCode,
        [Indicator] = ColumnNames.Indicator,
        [Period] = ColumnNames.Period,
        [Target] = new HashSet<string>(["target", "目标", "目标值"], StringComparer.Ordinal),
    };
}
