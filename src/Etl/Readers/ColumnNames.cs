using Governance.Etl.Validation;

namespace Governance.Etl.Readers;

/// <summary>The header spellings of the non-indicator columns (compared after <see cref="HeaderText.WithoutUnit"/>).</summary>
public static class ColumnNames
{
    public static readonly IReadOnlySet<string> AreaCode = Set("area_code", "areacode", "区划代码", "统计用区划代码", "行政区划代码", "代码", "code");
    public static readonly IReadOnlySet<string> Period = Set("period", "期间", "年度", "年份", "报告期", "时期");
    public static readonly IReadOnlySet<string> Indicator = Set("indicator", "indicator_code", "指标", "指标代码", "指标名称");
    public static readonly IReadOnlySet<string> Value = Set("value", "数值", "值", "指标值");
    public static readonly IReadOnlySet<string> Status = Set("status", "状态");
    public static readonly IReadOnlySet<string> Note = Set("note", "备注", "说明");
    /// <summary>The area's own name, compared with the area list (<see cref="Validation.AreaNameCheck"/>).</summary>
    public static readonly IReadOnlySet<string> AreaName = Set("name", "area_name", "名称", "单位名称", "村名", "村名称", "社区名称", "村社区名称", "区划名称");
    public static readonly IReadOnlySet<string> Ignored = Set("乡镇", "乡镇名称", "乡镇街道", "序号", "no", "#");

    public static int IndexOf(IReadOnlyList<string> normalizedHeaders, IReadOnlySet<string> names)
    {
        for (var i = 0; i < normalizedHeaders.Count; i++)
        {
            if (names.Contains(normalizedHeaders[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
