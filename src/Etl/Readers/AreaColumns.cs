namespace Governance.Etl.Readers;

/// <summary>The columns of an area list (division codes) and their accepted spellings.</summary>
public static class AreaColumns
{
    public const string Code = "code";
    public const string Name = "name";
    public const string UrbanRural = "urban_rural";
    public const string ValidFrom = "valid_from";
    public const string ValidTo = "valid_to";
    public const string Replaces = "replaces";

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> All = new Dictionary<string, IReadOnlySet<string>>
    {
        [Code] = ColumnNames.AreaCode,
        [Name] = new HashSet<string>(["name", "名称", "区划名称", "单位名称"], StringComparer.Ordinal),
        [UrbanRural] = new HashSet<string>(["urban_rural", "城乡分类代码", "城乡分类"], StringComparer.Ordinal),
        [ValidFrom] = new HashSet<string>(["valid_from", "生效日期", "起始日期"], StringComparer.Ordinal),
        [ValidTo] = new HashSet<string>(["valid_to", "失效日期", "终止日期"], StringComparer.Ordinal),
        [Replaces] = new HashSet<string>(["replaces", "替代", "合并自", "原区划代码"], StringComparer.Ordinal),
    };
}
