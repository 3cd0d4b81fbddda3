using System.Text;
using Governance.Warehouse.Catalogue;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Demo;

/// <summary>
/// Writes a generated county as townships would send it: <c>areas.csv</c>; long CSVs per year; the latest year's yearly
/// village figures as wide XLSX township templates; the townships' own reports as one GB18030 CSV with Chinese names;
/// <c>targets.csv</c>; and <c>dirty/</c> with one file of planted problems.
/// </summary>
public static class DemoWriter
{
    public const string AreasFile = "areas.csv";
    public const string TargetsFile = "targets.csv";
    public const string TownshipFile = "townships-gb18030.csv";
    public const string DirtyFile = "dirty/dirty-report.csv";

    public static DemoOutput Write(DemoData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var root = data.Options.OutputDirectory;
        Directory.CreateDirectory(root);
        var files = new List<DemoFile> { WriteAreas(data, Path.Combine(root, AreasFile)) };

        var templated = TemplateIndicators().ToHashSet(StringComparer.Ordinal);
        var byCode = IndicatorCatalogue.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var lastYear = data.Options.ToYear;
        bool InTemplate(DemoValue v) => v.Period.Year == lastYear && templated.Contains(v.Indicator) && AreaCode.Parse(v.AreaCode).Level == AreaLevel.Village;
        bool IsTownship(DemoValue v) => byCode[v.Indicator].CaptureLevel == CaptureLevel.Townships;

        foreach (var year in data.Values.Select(v => v.Period.Year).Distinct().Order())
        {
            var path = Path.Combine(root, $"values-{year}.csv");
            var rows = data.Values.Where(v => v.Period.Year == year && !IsTownship(v) && !InTemplate(v)).ToList();
            var count = DemoCsv.Write(path, DemoCsv.Utf8, "area_code,period,indicator,value", rows.Select(v => $"{v.AreaCode},{v.Period.Value},{v.Indicator},{DemoCsv.Number(v.Value)}"));
            files.Add(new DemoFile(path, DemoFileKind.Values, count, count));
        }

        files.Add(WriteTownshipReports(data.Values.Where(IsTownship).ToList(), byCode, Path.Combine(root, TownshipFile)));
        files.AddRange(DemoTemplates.Write(data, [.. TemplateIndicators().Select(c => byCode[c])], Path.Combine(root, "templates")));
        files.Add(DemoTargets.Write(data, Path.Combine(root, TargetsFile)));
        var (dirty, problems) = DemoDirtyFile.Write(data, Path.Combine(root, DirtyFile));
        files.Add(dirty);
        return new DemoOutput(data, files, problems);
    }

    /// <summary>Yearly indicators of the village level that travel in the wide templates: those with no part or whole at another grain.</summary>
    public static IEnumerable<string> TemplateIndicators()
    {
        var catalogue = IndicatorCatalogue.Indicators.Where(i => !i.Derived).ToList();
        var grainOf = catalogue.ToDictionary(i => i.Code, i => i.NativeGrain, StringComparer.Ordinal);
        return catalogue
            .Where(i => i.NativeGrain == PeriodGrain.Year && i.CaptureLevel != CaptureLevel.Townships)
            .Where(i => i.PartOf is null || grainOf[i.PartOf] == PeriodGrain.Year)
            .Where(i => !catalogue.Any(part => part.PartOf == i.Code && part.NativeGrain != PeriodGrain.Year))
            .Select(i => i.Code);
    }

    private static DemoFile WriteAreas(DemoData data, string path)
    {
        var count = DemoCsv.Write(path, DemoCsv.Utf8WithBom, "code,name,urban_rural,valid_from,valid_to,replaces", data.County.All.Select(a =>
            $"{a.Code},{a.Name},{a.UrbanRural},{DemoCsv.Date(a.ValidFrom)},{DemoCsv.Date(a.ValidTo)},{string.Join(';', a.Replaces)}"));
        return new DemoFile(path, DemoFileKind.Areas, count, count);
    }

    private static DemoFile WriteTownshipReports(List<DemoValue> values, Dictionary<string, CatalogueEntry> byCode, string path)
    {
        var count = DemoCsv.Write(path, Encoding.GetEncoding("GB18030"), "area_code,period,indicator,value,note", values.Select(v =>
            $"{v.AreaCode},{v.Period.Label},{byCode[v.Indicator].NameZh},{DemoCsv.Number(v.Value)},{Note(v)}"));
        return new DemoFile(path, DemoFileKind.Values, count, count);
    }

    private static string Note(DemoValue value) => value switch
    {
        { Indicator: "PRJ_INCOME_GAIN" } => "乡镇农经站核定",
        { Indicator: "CAD_TRAINING_SESSIONS", Period.Number: 12 } => "含年终集中轮训",
        _ => string.Empty,
    };
}
