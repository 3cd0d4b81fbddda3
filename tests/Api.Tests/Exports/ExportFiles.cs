using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Sylvan.Data.Csv;

namespace Governance.Api.Tests.Exports;

/// <summary>Reads exported files back the way a spreadsheet or a script would, independently of the writers under test.</summary>
public static class ExportFiles
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>A UTF-8 CSV with its byte order mark: the records, header first.</summary>
    public static IReadOnlyList<string[]> Csv(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Utf8Bom), "The CSV does not start with the UTF-8 byte order mark.");
        return CsvText(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    public static IReadOnlyList<string[]> CsvText(string text)
    {
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = reader.GetString(i);
            }

            records.Add(record);
        }

        return records;
    }

    /// <summary>The JSON rows: one object per row, header from the first row's keys.</summary>
    public static IReadOnlyList<Dictionary<string, JsonElement>> JsonRows(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return [.. document.RootElement.EnumerateArray().Select(row => row.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal))];
    }

    /// <summary>A workbook's sheets by name, each a list of rows of cells (double for a number cell, bool for a boolean, string for text, null for none); the package must validate.</summary>
    public static IReadOnlyDictionary<string, List<object?[]>> Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var workbook = document.WorkbookPart!;
        var sheets = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<object?[]>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().ToList();
                var width = cells.Count == 0 ? 0 : cells.Max(c => ColumnIndex(c.CellReference!)) + 1;
                var values = new object?[width];
                foreach (var cell in cells)
                {
                    values[ColumnIndex(cell.CellReference!)] = Value(cell);
                }

                rows.Add(values);
            }

            sheets[sheet.Name!] = rows;
        }

        return sheets;
    }

    /// <summary>The frozen pane's top-left cell of the first sheet and its column widths.</summary>
    public static (string? FrozenAt, IReadOnlyList<double> Widths) XlsxLayout(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheet = ((WorksheetPart)workbook.GetPartById(first.Id!)).Worksheet;
        var pane = worksheet.Descendants<Pane>().SingleOrDefault();
        var frozen = pane?.State?.Value == PaneStateValues.Frozen ? pane.TopLeftCell?.Value : null;
        return (frozen, [.. worksheet.Descendants<Column>().Select(c => c.Width!.Value)]);
    }

    /// <summary>
    /// LibreOffice Calc, headless, opens the workbook and saves its first sheet as CSV (UTF-8, raw values, not as shown).
    /// Without soffice the test is skipped with the reason, unless <c>GOVERNANCE_REQUIRE_LIBREOFFICE=1</c> (CI), where that fails it.
    /// </summary>
    public static async Task<IReadOnlyList<string[]>> LibreOfficeCsvAsync(byte[] xlsx, CancellationToken cancellationToken)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("GOVERNANCE_REQUIRE_LIBREOFFICE") == "1", "GOVERNANCE_REQUIRE_LIBREOFFICE=1 but LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui).");
            Assert.Skip("Spreadsheet test skipped: LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui).");
        }

        var folder = Directory.CreateTempSubdirectory("governance-soffice-");
        try
        {
            var input = Path.Combine(folder.FullName, "export.xlsx");
            await File.WriteAllBytesAsync(input, xlsx, cancellationToken);
            var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            // A profile of its own, so that a LibreOffice the user (or another test) runs does not take the conversion over.
            foreach (var argument in new[]
            {
                $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--norestore", "--nolockcheck",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false", "--outdir", folder.FullName, input,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var csv = Path.Combine(folder.FullName, "export.csv");
            Assert.True(process.ExitCode == 0 && File.Exists(csv), $"soffice exited with {process.ExitCode}: {await output} {await errors}");
            return CsvText((await File.ReadAllTextAsync(csv, Encoding.UTF8, cancellationToken)).TrimStart('\uFEFF'));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static object? Value(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        if (type == CellValues.Boolean)
        {
            return cell.CellValue!.Text == "1";
        }

        if (type == CellValues.String || type == CellValues.SharedString)
        {
            Assert.Fail($"Cell {cell.CellReference} is of type {type}; the export writes inline strings.");
        }

        return cell.CellValue is null ? null : Number(cell.CellValue.Text);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
