using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Governance.Api.Exports;

namespace Governance.Api.Tests.Exports;

/// <summary>100,000 rows through each writer: the file is whole and right, and what waited in memory stayed small.</summary>
public sealed class StreamingTests
{
    private const int Rows = 100_000;
    private const int MostInMemory = 256 * 1024;

    private static readonly string[] Headings = ["area.code", "area.name", "value", "reportingUnits"];

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Json)]
    [InlineData(ExportFormat.NdJson)]
    public async Task AHundredThousandRowsStreamWithLittleInMemory(ExportFormat format)
    {
        var pending = new PendingStream();
        using var body = new MemoryStream();
        var about = new ExportAbout("t", null, "{ x }", null, "admin", new WarehouseAsOf(null), DateTimeOffset.UnixEpoch);
        using var writer = format switch
        {
            ExportFormat.Csv => (TableWriter)new CsvTableWriter(pending, gb18030: false),
            ExportFormat.Xlsx => new XlsxTableWriter(pending, about, XlsxTableWriter.Widths(Headings, Generate())),
            _ => new JsonTableWriter(pending, lines: format == ExportFormat.NdJson),
        };

        await TableExport.StreamAsync(writer, pending, Headings, Generate(), body, TestContext.Current.CancellationToken);

        Assert.True(pending.Total > 2_000_000, $"{format}: only {pending.Total} bytes written");
        Assert.True(pending.MostPending < MostInMemory, $"{format}: {pending.MostPending} bytes waited in memory at once (of {pending.Total})");
        Assert.Equal(pending.Total, body.Length);
        var bytes = body.ToArray();
        switch (format)
        {
            case ExportFormat.Csv:
                var records = ExportFiles.Csv(bytes);
                Assert.Equal(Rows + 1, records.Count);
                Assert.Equal(["361124101299", "村99999", "149998.5", "99999"], records[^1]);
                break;
            case ExportFormat.Xlsx:
                var sheet = ExportFiles.Xlsx(bytes)["数据"];
                Assert.Equal(Rows + 1, sheet.Count);
                Assert.Equal(["361124101299", "村99999", 149998.5, 99999.0], sheet[^1]);
                break;
            case ExportFormat.Json:
                var rows = ExportFiles.JsonRows(bytes);
                Assert.Equal(Rows, rows.Count);
                Assert.Equal(149998.5, rows[^1]["value"].GetDouble());
                break;
            default:
                var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(Rows, lines.Length);
                using (var last = JsonDocument.Parse(lines[^1]))
                {
                    Assert.Equal("村99999", last.RootElement.GetProperty("area.name").GetString());
                }

                break;
        }
    }

    [Fact]
    public async Task TheWorkbookZipIsWrittenWithoutSeeking()
    {
        var pending = new PendingStream();
        using var body = new MemoryStream();
        using var writer = new XlsxTableWriter(pending, new ExportAbout("t", null, "{ x }", null, "admin", new WarehouseAsOf(null), DateTimeOffset.UnixEpoch), [10]);

        await TableExport.StreamAsync(writer, pending, ["x"], [[1L]], body, TestContext.Current.CancellationToken);

        Assert.False(pending.CanSeek);
        using var zip = new ZipArchive(new MemoryStream(body.ToArray()));
        Assert.Equal(["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"], zip.Entries.Select(e => e.FullName));
    }

    private static IEnumerable<object?[]> Generate()
    {
        for (var i = 0; i < Rows; i++)
        {
            yield return ["361124101" + (200 + (i % 100)).ToString(CultureInfo.InvariantCulture), "村" + i.ToString(CultureInfo.InvariantCulture), i * 1.5, (long)i];
        }
    }
}
