using System.Globalization;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Validation;

/// <summary>Reject messages a township clerk understands: Chinese first, English after.</summary>
public static class Messages
{
    /// <summary>A file rejected whole; <paramref name="valid"/>, when known, the values that --skip-invalid-rows would load.</summary>
    public static string FileRejectedWhole(int problems, int? valid = null) => valid is { } m
        ? $"文件被整体退回：{problems} 个问题，未写入任何数据；加 --skip-invalid-rows 可导入其余 {m} 个数值 / file rejected whole: {problems} problems, nothing written; with --skip-invalid-rows {m} values would load"
        : $"文件被整体退回：{problems} 个问题，未写入任何数据 / file rejected whole: {problems} problems, nothing written";

    /// <summary>What a real load of the file would do, with the same options.</summary>
    public static string DryRun(int valid, int problems, bool skipInvalidRows) => (problems, skipInvalidRows) switch
    {
        (0, _) => $"试运行：{valid} 个数值可以导入 / dry run: {valid} values would load",
        (_, false) => $"试运行：文件将被整体退回（{problems} 个问题）；加 --skip-invalid-rows 可导入 {valid} 个数值 / dry run: would be rejected whole ({problems} rejects); with --skip-invalid-rows {valid} values would load",
        _ => $"试运行：{valid} 个数值可以导入，{problems} 个问题 / dry run: {valid} values would load, {problems} rejected",
    };

    public const string NoPeriod = "没有期间列，也没有用 --period 指定期间 / no period column (期间, 年度, period) and no --period given";

    public static string NoHeader(int rows) =>
        $"前 {rows} 行中找不到区划代码列（区划代码 或 area_code）/ no header row with an area-code column (区划代码 or area_code) in the first {rows} rows";

    public static string UnknownIndicator(string text) =>
        $"指标“{text}”不在指标目录中 / indicator '{text}' is not in the catalogue";

    public static string DerivedIndicator(Indicator i) =>
        $"{Describe.Indicator(i)} 是计算指标，由其他指标算出，不能填报 / {i.IndicatorCode} is computed from other indicators and cannot be loaded";

    public static string UnknownArea(string code) => code.Length == 0
        ? "缺少区划代码 / the area code is empty"
        : $"区划代码 {code} 不在区划表中（先用 governance areas 导入区划）/ area code {code} is not in the area list (load it with governance areas)";

    public static string AreaNotValid(string code, PeriodKey period, IReadOnlyList<Area> versions) =>
        $"区划 {code} 在 {period.Label} 不存在（有效期 {Validity(versions)}）/ area {code} was not valid in {period} (valid {Validity(versions)})";

    public static string WrongCaptureLevel(Indicator i, Area area) =>
        $"{Describe.Indicator(i)} 由{Describe.Reporters(i.CaptureLevel)}填报，{area.AreaCode} {area.Name} 是{Describe.Kind(area.Kind)} / {i.IndicatorCode} is reported by {Describe.Reporters(i.CaptureLevel)}, not by {area.AreaCode}";

    public static string NotANumber(string raw) => raw.Length == 0
        ? "数值为空 / the value is empty"
        : $"数值“{raw}”不是数字 / value '{raw}' is not a number";

    public static string OutOfRange(Indicator i, decimal value)
    {
        if (i.IsFlag)
        {
            return $"{Describe.Indicator(i)} 只能填 0 或 1 / {i.IndicatorCode} is a 0/1 flag; {Number(value)} is neither";
        }

        var range = $"{(i.MinValue is { } min ? Number(min) : "-∞")} .. {(i.MaxValue is { } max ? Number(max) : "∞")}";
        return $"{Describe.Indicator(i)} 应在 {range} 之间，填的是 {Number(value)} / {i.IndicatorCode} must be within {range}; got {Number(value)}";
    }

    public static string PeriodMalformed(string? raw) =>
        $"期间“{raw}”无法识别（应为 2023、2023Q2、202305、2023年5月 等，年份 2000-2050）/ period '{raw}' is not recognised (use 2023, 2023Q2 or 202305; years 2000-2050)";

    public static string PeriodTooFine(Indicator i, PeriodKey period) =>
        $"{Describe.Indicator(i)} 按{Describe.Grain(i.NativeGrain)}填报，不能按 {period.Label} 填 / {i.IndicatorCode} is reported {Describe.Grain(i.NativeGrain)}; {period} is finer than that";

    public static string UnknownStatus(string raw) =>
        $"状态“{raw}”无法识别（上报/估计/修订 或 reported/estimated/revised）/ status '{raw}' is not one of reported, estimated, revised";

    public static string Duplicate(string otherPlace) =>
        $"同一区划、期间、指标在文件中出现两次且数值不同（另见 {otherPlace}）/ the same area, period and indicator appears twice with different values (see also {otherPlace})";

    public static string PartExceedsWhole(Indicator part, decimal value, Indicator whole, decimal wholeValue, bool wholeInFile) =>
        $"{Describe.Indicator(part)} {Number(value)} 大于 {Describe.Indicator(whole)} {Number(wholeValue)}{(wholeInFile ? "（本文件）" : "（库中已有）")} / "
        + $"{part.IndicatorCode} {Number(value)} exceeds {whole.IndicatorCode} {Number(wholeValue)} ({(wholeInFile ? "in this file" : "already in the warehouse")})";

    public static string NameMismatch(SourcePosition at, string code, string fileName, string areaName) =>
        $"{at}：区划代码 {code} 在区划表中是“{areaName}”，文件中的名称是“{fileName}”，请核对代码（名称不符不影响导入）/ "
        + $"{at}: area code {code} is '{areaName}' in the area list but the file names it '{fileName}'; check the code (a name that differs does not stop the load)";

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Validity(IReadOnlyList<Area> versions) => string.Join(", ", versions
        .OrderBy(v => v.ValidFrom)
        .Select(v => $"{v.ValidFrom:yyyy-MM-dd} – {(v.ValidTo is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}"));
}
