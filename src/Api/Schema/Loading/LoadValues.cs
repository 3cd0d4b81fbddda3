using Governance.Etl.Validation;
using Governance.Warehouse.Security;

namespace Governance.Api.Schema.Loading;

/// <summary>
/// Operators read load batches but not indicator values: the values batches carry (warnings' values and their messages,
/// the raw value and message of a reject about a value) are hidden from callers whose scope may not read indicators.
/// Rejects about codes, periods or names keep their raw value: an operator needs it to fix the file.
/// </summary>
internal static class LoadValues
{
    private static readonly HashSet<string> ValueRules = new(StringComparer.Ordinal)
    {
        RejectRule.ValueNotANumber, RejectRule.ValueOutOfRange, RejectRule.DuplicateConflict, RejectRule.PartExceedsWhole,
    };

    public static bool Hidden => AccessScope.Current is { MayReadIndicators: false };

    public static bool HiddenFor(string rule) => Hidden && ValueRules.Contains(rule);

    public static string WithoutValues(string rule) =>
        $"规则 {rule}（操作员不显示数值）/ rule {rule} (values are not shown to operators)";
}
