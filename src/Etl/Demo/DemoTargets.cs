using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Demo;

/// <summary>
/// <c>targets.csv</c>: every township at least one demonstration site in the latest year; no weak village left in any
/// township (nor the county) by the target year; an operating income target per village for the target year.
/// </summary>
internal static class DemoTargets
{
    public static DemoFile Write(DemoData data, string path)
    {
        var options = data.Options;
        var latest = PeriodKey.ForYear(options.ToYear);
        var income = data.Values
            .Where(v => v.Period == latest && v.Indicator == "CE_OPERATING_INCOME")
            .ToDictionary(v => v.AreaCode, v => v.Value);
        var lines = new List<string>();
        foreach (var township in data.County.Townships)
        {
            lines.Add($"{township.Code},ORG_DEMO_SITES,{options.ToYear},1");
            lines.Add($"{township.Code},CE_WEAK_VILLAGES,{options.TargetYear},0");
        }

        lines.Add($"{data.County.County.Code},CE_WEAK_VILLAGES,{options.TargetYear},0");
        foreach (var village in data.County.Units.Where(u => u.Kind == AreaKind.Village && u.IsValidIn(options.TargetYear)))
        {
            var current = income.GetValueOrDefault(village.Code);
            lines.Add($"{village.Code},CE_OPERATING_INCOME,{options.TargetYear},{DemoCsv.Number(Math.Max(10m, Math.Round(current * 1.3m, 1)))}");
        }

        var count = DemoCsv.Write(path, DemoCsv.Utf8, "area_code,indicator,period,target", lines);
        return new DemoFile(path, DemoFileKind.Targets, count, count);
    }
}
