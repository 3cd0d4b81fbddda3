namespace Governance.Api.Exports;

/// <summary>Media types and names of the export formats.</summary>
public static class ExportFormats
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string NdJsonType = "application/x-ndjson";

    /// <summary>The value of the <c>format</c> parameter (and the extension of a saved report's URL).</summary>
    public static string Name(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.Json => "json",
        _ => "ndjson",
    };

    public static ExportFormat? Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "CSV" => ExportFormat.Csv,
        "XLSX" => ExportFormat.Xlsx,
        "JSON" => ExportFormat.Json,
        "NDJSON" => ExportFormat.NdJson,
        _ => null,
    };
}
