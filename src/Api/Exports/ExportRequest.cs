using System.Text;

namespace Governance.Api.Exports;

/// <summary>
/// An answer asked for as a table: by the <c>format</c> query parameter (csv, xlsx, json, ndjson; what browsers and BI
/// tools can put in a URL), else by <c>Accept</c> (<c>text/csv</c>, the XLSX media type or <c>application/x-ndjson</c>
/// listed with a quality above the JSON types'; JSON rows only by <c>format=json</c>, as <c>Accept: application/json</c>
/// keeps meaning a GraphQL answer). <c>headings=zh</c> writes Chinese headings; <c>charset=gb18030</c> (or that charset
/// on <c>Accept: text/csv</c>) writes a CSV in GB18030 instead of UTF-8 with a byte order mark.
/// </summary>
public sealed record ExportRequest(ExportFormat Format, ExportHeadings Headings, bool Gb18030)
{
    public const string FormatParameter = "format";
    public const string HeadingsParameter = "headings";
    public const string CharsetParameter = "charset";

    /// <summary>The query parameters that shape the file rather than the answer (a saved report may not name a variable so).</summary>
    public static readonly IReadOnlySet<string> Parameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { FormatParameter, HeadingsParameter, CharsetParameter };

    private static readonly string[] JsonTypes = ["application/graphql-response+json", "application/json"];

    static ExportRequest()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// The export the request asks for, null when it asks for a GraphQL answer, or a problem naming the parameter.
    /// <paramref name="format"/> is a saved report's extension, which wins over any parameter or header.
    /// </summary>
    public static (ExportRequest? Request, string? Problem) Read(HttpRequest request, ExportFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        string? accepted = null;
        if (format is null && query.TryGetValue(FormatParameter, out var named))
        {
            format = ExportFormats.Parse(named.ToString());
            if (format is null || named.Count != 1)
            {
                return (null, $"The 'format' parameter is '{named}'; use csv, xlsx, json or ndjson.");
            }
        }
        else if (format is null)
        {
            (format, accepted) = FromAccept(request);
        }

        if (format is null)
        {
            return (null, null);
        }

        var headings = ExportHeadings.Paths;
        if (query.TryGetValue(HeadingsParameter, out var headingText))
        {
            headings = headingText.ToString().ToUpperInvariant() switch
            {
                "ZH" => ExportHeadings.Chinese,
                "PATH" => ExportHeadings.Paths,
                _ => (ExportHeadings)(-1),
            };
            if (!Enum.IsDefined(headings))
            {
                return (null, $"The 'headings' parameter is '{headingText}'; use zh (Chinese names) or path (the default).");
            }
        }

        var charset = query.TryGetValue(CharsetParameter, out var charsetText) ? charsetText.ToString() : accepted;
        var gb18030 = false;
        if (!string.IsNullOrEmpty(charset))
        {
            var upper = charset.ToUpperInvariant();
            if (upper is not ("GB18030" or "UTF-8" or "UTF8"))
            {
                return (null, $"The 'charset' is '{charset}'; use utf-8 (the default, with a byte order mark) or gb18030.");
            }

            gb18030 = upper == "GB18030";
        }

        return (new ExportRequest(format.Value, headings, gb18030), null);
    }

    /// <summary>The export type of highest quality in <c>Accept</c> when it beats both JSON types (ties go to the one listed first), with a CSV's charset.</summary>
    private static (ExportFormat? Format, string? Charset) FromAccept(HttpRequest request)
    {
        var best = (Format: (ExportFormat?)null, Charset: (string?)null, Quality: 0.0);
        foreach (var range in request.GetTypedHeaders().Accept)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= best.Quality)
            {
                continue;
            }

            var type = range.MediaType.Value ?? "";
            ExportFormat? format = type.ToLowerInvariant() switch
            {
                ExportFormats.CsvType => ExportFormat.Csv,
                ExportFormats.XlsxType => ExportFormat.Xlsx,
                ExportFormats.NdJsonType => ExportFormat.NdJson,
                _ => null,
            };
            if (format is not null)
            {
                best = (format, range.Charset.Value, quality);
            }
            else if (type is "*/*" or "application/*" || JsonTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                best = (null, null, quality);
            }
        }

        return (best.Format, best.Charset);
    }
}
