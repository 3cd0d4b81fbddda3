using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Governance.Api.Exports;

/// <summary>
/// An Excel workbook written as it goes: the zip archive is written straight to the output (no seeking, no workbook
/// in memory), the data sheet through the Open XML SDK's <see cref="OpenXmlWriter"/> one row at a time. Sheet 数据 holds
/// the table: a bold header row, frozen, column widths from the longest text, numbers as numbers, text as inline
/// strings (no shared-strings table to keep in memory). Sheet 说明 holds the title, the warehouse's time (and version),
/// the export time, the caller's scope, the row count, the query and its variables.
/// </summary>
public sealed class XlsxTableWriter : TableWriter
{
    private const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ZipArchive _zip;
    private readonly ExportAbout _about;
    private readonly IReadOnlyList<double> _widths;
    private Stream? _sheetStream;
    private OpenXmlWriter? _sheet;
    private uint _row;

    public XlsxTableWriter(Stream output, ExportAbout about, IReadOnlyList<double> widths)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Utf8);
        _about = about;
        _widths = widths;
    }

    public override string ContentType => ExportFormats.XlsxType;

    /// <summary>Column widths (in characters, a Chinese character counting two) from the headings and every value, between 8 and 60.</summary>
    public static IReadOnlyList<double> Widths(IReadOnlyList<string> headings, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(rows);
        var widths = headings.Select(DisplayWidth).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length && i < widths.Length; i++)
            {
                if (row[i] is { } value)
                {
                    widths[i] = Math.Max(widths[i], DisplayWidth(Cells.Text(value)));
                }
            }
        }

        return [.. widths.Select(w => Math.Clamp(w + 2, 8, 60))];
    }

    public override void Begin(IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        WriteText("[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{WorksheetType}"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="{WorksheetType}"/></Types>
            """);
        WriteText("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        WriteText("xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RelationshipNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RelationshipNs}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{RelationshipNs}/styles" Target="styles.xml"/></Relationships>
            """);
        WriteElement("xl/workbook.xml", new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0U }),
            new Sheets(new Sheet { Name = "数据", SheetId = 1U, Id = "rId1" }, new Sheet { Name = "说明", SheetId = 2U, Id = "rId2" })));
        WriteElement("xl/styles.xml", Styles());

        _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _sheet = OpenXmlWriter.Create(_sheetStream, Utf8);
        _sheet.WriteStartDocument(standalone: true);
        _sheet.WriteStartElement(new Worksheet());
        _sheet.WriteStartElement(new SheetViews());
        _sheet.WriteStartElement(new SheetView { WorkbookViewId = 0U, TabSelected = true });
        _sheet.WriteElement(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        _sheet.WriteElement(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        if (_widths.Count > 0)
        {
            _sheet.WriteStartElement(new Columns());
            for (var i = 0; i < _widths.Count; i++)
            {
                _sheet.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = _widths[i], CustomWidth = true });
            }

            _sheet.WriteEndElement();
        }

        _sheet.WriteStartElement(new SheetData());
        WriteRow(_sheet, ++_row, [.. headings], HeaderStyle);
    }

    public override void Row(object?[] values) => WriteRow(_sheet!, ++_row, values, style: null);

    public override void Flush()
    {
        // The XML and deflate writers pass their bytes on as their buffers fill; nothing is held back longer.
    }

    public override void Finish()
    {
        _sheet!.WriteEndElement(); // sheetData
        _sheet.WriteEndElement(); // worksheet
        _sheet.Close();
        _sheet.Dispose();
        _sheetStream!.Dispose();
        _sheet = null;
        WriteAbout(_row - 1);
        _zip.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sheet?.Dispose();
            _sheetStream?.Dispose();
            _zip.Dispose();
        }

        base.Dispose(disposing);
    }

    private void WriteAbout(uint rows)
    {
        var asOf = _about.AsOf.Describe();
        (string Label, object? Value)[] lines =
        [
            ("标题 Title", _about.Title),
            ("报表 Report", _about.Report),
            ("数据截至 Warehouse as of", asOf),
            ("导出时间 Exported at", _about.ExportedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
            ("范围 Scope", _about.Scope),
            ("行数 Rows", (long)rows),
            ("查询 Query", _about.Query),
            ("变量 Variables", _about.Variables),
        ];
        using var stream = _zip.CreateEntry("xl/worksheets/sheet2.xml", CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, Utf8);
        writer.WriteStartDocument(standalone: true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(
            new Column { Min = 1U, Max = 1U, Width = 26D, CustomWidth = true },
            new Column { Min = 2U, Max = 2U, Width = 100D, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        uint index = 0;
        foreach (var (label, value) in lines.Where(l => l.Value is not (null or "")))
        {
            index++;
            writer.WriteStartElement(new Row { RowIndex = index });
            writer.WriteElement(TextCell($"A{index}", label, HeaderStyle));
            writer.WriteElement(value is long count
                ? new Cell { CellReference = $"B{index}", CellValue = new CellValue(count.ToString(CultureInfo.InvariantCulture)) }
                : TextCell($"B{index}", (string)value!, WrapStyle));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, object?[] values, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < values.Length; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            switch (values[i])
            {
                case null:
                    break;
                case long or double or decimal:
                    writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(Cells.Text(values[i])), StyleIndex = style });
                    break;
                case bool b:
                    writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0"), StyleIndex = style });
                    break;
                default:
                    writer.WriteElement(TextCell(reference, Cells.Text(values[i]), style));
                    break;
            }
        }

        writer.WriteEndElement();
    }

    private static Cell TextCell(string reference, string text, uint? style)
    {
        text = XmlSafe(text);
        var value = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            value.Space = SpaceProcessingModeValues.Preserve;
        }

        return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(value), StyleIndex = style };
    }

    /// <summary>Characters XML 1.0 cannot carry (controls other than tab and line ends) become U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
            {
                return string.Create(text.Length, text, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        var c = source[i];
                        span[i] = c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : c;
                    }
                });
            }
        }

        return text;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }))
        { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyAlignment = true })
        { Count = 3U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    private void WriteText(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Utf8.GetBytes(xml));
    }

    private void WriteElement(string name, OpenXmlElement element)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, Utf8);
        writer.WriteStartDocument(standalone: true);
        writer.WriteElement(element);
        writer.Close();
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static double DisplayWidth(string text)
    {
        double width = 0;
        foreach (var c in text)
        {
            width += c >= 0x2E80 ? 2 : 1;
        }

        return width;
    }
}
