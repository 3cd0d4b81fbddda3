using Governance.Etl.Readers;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Validation;

/// <summary>A valid row of an area list.</summary>
public sealed record AreaRow(NamedRow Source, AreaCode Code, string Name, string? UrbanRural, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> Replaces)
{
    private static readonly HashSet<string> UrbanRuralClasses = ["111", "112", "121", "122", "123", "210", "220"];
    private static readonly char[] Separators = [';', '；', ',', '，', '、', ' '];

    /// <summary>First day any area is valid when the list gives no date: the start of the warehouse's periods.</summary>
    public static DateOnly Beginning => new(WarehouseSeeder.FirstYear, 1, 1);

    public static AreaRow? Parse(NamedRow row, RejectCollector rejects)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(rejects);
        var raw = row[AreaColumns.Code];
        if (!AreaCode.TryParse(raw, out var code))
        {
            return Reject(RejectRule.AreaCodeMalformed, AreaColumns.Code, raw, $"区划代码“{raw}”应为 12 位数字 / area code '{raw}' must be 12 digits");
        }

        var name = row[AreaColumns.Name];
        if (name.Length == 0)
        {
            return Reject(RejectRule.NameMissing, AreaColumns.Name, name, $"区划 {code} 缺少名称 / area {code} has no name");
        }

        var urbanRural = row[AreaColumns.UrbanRural];
        if (urbanRural.Length > 0 && !UrbanRuralClasses.Contains(urbanRural))
        {
            return Reject(RejectRule.UrbanRuralMalformed, AreaColumns.UrbanRural, urbanRural, $"城乡分类代码“{urbanRural}”无效（111、112、121、122、123、210、220）/ urban-rural class must be one of 111, 112, 121, 122, 123, 210, 220");
        }

        if (!OptionalDate(row, AreaColumns.ValidFrom, out var from) || !OptionalDate(row, AreaColumns.ValidTo, out var to))
        {
            return null;
        }

        if (to < (from ?? Beginning))
        {
            return Reject(RejectRule.DateMalformed, AreaColumns.ValidTo, row[AreaColumns.ValidTo], $"失效日期早于生效日期 / valid_to is before valid_from");
        }

        var replaces = row[AreaColumns.Replaces].Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = replaces.FirstOrDefault(r => !AreaCode.TryParse(r, out _));
        if (bad is not null)
        {
            return Reject(RejectRule.AreaCodeMalformed, AreaColumns.Replaces, bad, $"被替代的区划代码“{bad}”应为 12 位数字 / replaced code '{bad}' must be 12 digits");
        }

        return new AreaRow(row, code.Value, name, urbanRural.Length == 0 ? null : urbanRural, from, to, replaces);

        AreaRow? Reject(string rule, string column, string? value, string message)
        {
            rejects.Add(row.At(column), rule, value, message);
            return null;
        }

        bool OptionalDate(NamedRow source, string column, out DateOnly? date)
        {
            date = null;
            var text = source[column];
            if (text.Length == 0)
            {
                return true;
            }

            if (DateText.TryParse(text, out var parsed))
            {
                date = parsed;
                return true;
            }

            rejects.Add(source.At(column), RejectRule.DateMalformed, text, $"日期“{text}”无法识别（如 2024-01-01）/ date '{text}' is not recognised (e.g. 2024-01-01)");
            return false;
        }
    }
}
