using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Demo;

/// <summary>
/// The dirty report: a long CSV of the latest year with one of each problem the load must catch (unknown area, a value
/// that is not a number, a negative count, a flag of 2, a conflicting duplicate, a part above its whole), between
/// rows that repeat clean values.
/// </summary>
internal static class DemoDirtyFile
{
    public static (DemoFile File, IReadOnlyList<DemoProblem> Problems) Write(DemoData data, string path)
    {
        var year = data.Options.ToYear;
        var period = PeriodKey.ForYear(year);
        var q4 = new PeriodKey(PeriodGrain.Quarter, year, 4);
        var values = data.Values.ToDictionary(v => (v.AreaCode, v.Period, v.Indicator), v => v.Value);
        var village = data.County.Units.First(u => u.Kind == AreaKind.Village && values.ContainsKey((u.Code, period, "CE_OPERATING_INCOME")));
        var community = data.County.Units.First(u => u.Kind == AreaKind.Community && values.ContainsKey((u.Code, q4, "GOV_GRIDS")));
        var unknownArea = data.County.County.Code[..6] + "398398";
        var cadres = values[(village.Code, period, "CAD_VILLAGE_CADRES")];
        var grids = values[(community.Code, q4, "GOV_GRIDS")];

        string Row(string area, PeriodKey p, string indicator, string value) => $"{area},{p.Value},{indicator},{value}";
        string Clean(string area, PeriodKey p, string indicator) => Row(area, p, indicator, DemoCsv.Number(values[(area, p, indicator)]));

        var lines = new List<string>
        {
            Clean(village.Code, period, "CE_OPERATING_INCOME"),
            Row(unknownArea, period, "CE_OPERATING_INCOME", "12.5"),
            Row(village.Code, period, "CE_TOTAL_INCOME", "约30"),
            Row(village.Code, period, "ORG_PARTY_MEMBERS", "-3"),
            Row(village.Code, period, "ORG_ONE_SHOULDER", "2"),
            Row(village.Code, period, "CAD_VILLAGE_CADRES", DemoCsv.Number(cadres)),
            Row(village.Code, period, "CAD_VILLAGE_CADRES", DemoCsv.Number(cadres + 2)),
            Row(community.Code, q4, "GOV_GRIDS", DemoCsv.Number(grids)),
            Row(community.Code, q4, "GOV_GRIDS_WITH_PARTY", DemoCsv.Number(grids + 3)),
            Clean(community.Code, q4, "ORG_COMPOUNDS"),
        };

        // Line numbers count the header as line 1; both rows of the conflicting pair are at fault.
        DemoProblem[] problems =
        [
            new(3, "area_code", DemoProblemKind.UnknownArea, unknownArea),
            new(4, "value", DemoProblemKind.NotANumber, "约30"),
            new(5, "value", DemoProblemKind.NegativeCount, "-3"),
            new(6, "value", DemoProblemKind.FlagNotZeroOrOne, "2"),
            new(7, "value", DemoProblemKind.ConflictingDuplicate, DemoCsv.Number(cadres)),
            new(8, "value", DemoProblemKind.ConflictingDuplicate, DemoCsv.Number(cadres + 2)),
            new(10, "value", DemoProblemKind.PartAboveWhole, DemoCsv.Number(grids + 3)),
        ];
        var count = DemoCsv.Write(path, DemoCsv.Utf8, "area_code,period,indicator,value", lines);
        return (new DemoFile(path, DemoFileKind.Dirty, count, count), problems);
    }
}
