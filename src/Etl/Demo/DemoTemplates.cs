using Governance.Warehouse.Catalogue;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Demo;

/// <summary>The wide township templates: one workbook per township for the latest year, a sheet for villages and one for communities.</summary>
internal static class DemoTemplates
{
    private static readonly string[] FixedColumns = ["区划代码", "名称", "年度"];

    public static IEnumerable<DemoFile> Write(DemoData data, IReadOnlyList<CatalogueEntry> indicators, string directory)
    {
        var year = data.Options.ToYear;
        var period = PeriodKey.ForYear(year);
        var values = data.Values
            .Where(v => v.Period == period)
            .ToDictionary(v => (v.AreaCode, v.Indicator), v => v.Value);
        foreach (var township in data.County.Townships)
        {
            var workbook = new TemplateWorkbook();
            var rows = 0;
            var cells = 0;
            foreach (var (sheet, kind) in new[] { ("村", AreaKind.Village), ("社区", AreaKind.Community) })
            {
                var columns = indicators.Where(i => DemoData.Reports(kind, i)).ToList();
                var units = data.County.UnitsOf(township)
                    .Where(u => u.Kind == kind && u.IsValidIn(year) && columns.Any(i => values.ContainsKey((u.Code, i.Code))))
                    .ToList();
                var header = FixedColumns.Concat(columns.Select(i => $"{i.NameZh}({i.Unit})")).ToList();
                var body = units.Select(u => new object[] { u.Code, u.Name, $"{year}年" }
                    .Concat(columns.Select(i => (object)values[(u.Code, i.Code)]))
                    .ToArray()).ToList();
                string[] titles = [$"{data.County.County.Name}{township.Name}{year}年村级组织建设与集体经济情况统计表（{sheet}）", $"填报单位：{township.Name}（盖章）　填报日期：{year + 1}年1月15日"];
                workbook.AddSheet(sheet, titles, header, body);
                rows += body.Count;
                cells += body.Count * columns.Count;
            }

            var path = Path.Combine(directory, $"township-{township.Code[..9]}-{year}.xlsx");
            workbook.Save(path);
            yield return new DemoFile(path, DemoFileKind.Values, rows, cells);
        }
    }
}
