namespace Governance.Api.Exports;

/// <summary>The table formats an answer is exported in.</summary>
public enum ExportFormat
{
    /// <summary><c>text/csv</c>: UTF-8 with a byte order mark, or GB18030 on request.</summary>
    Csv,

    /// <summary>An Excel workbook: the table on sheet 数据, the query and the warehouse's time on sheet 说明.</summary>
    Xlsx,

    /// <summary><c>application/json</c>: one flat array of row objects.</summary>
    Json,

    /// <summary><c>application/x-ndjson</c>: one row object per line.</summary>
    NdJson,
}
