using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Governance.Etl.Tests.Support;

/// <summary>
/// Writes a tiny .xlsx: sheets of rows of cells (numbers stay numbers, a <see cref="DateTime"/> is a date cell as Excel
/// stores one, everything else is inline text).
/// </summary>
public static class Workbook
{
    public static void Write(string path, params (string Name, object[][] Rows)[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = DateStyles();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 1;
            foreach (var cells in rows)
            {
                var row = new Row { RowIndex = rowIndex++ };
                foreach (var value in cells)
                {
                    row.Append(value switch
                    {
                        DateTime date => new Cell { StyleIndex = 1, CellValue = new CellValue(date.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                        double or int or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) },
                        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value?.ToString() ?? string.Empty)) },
                    });
                }

                data.Append(row);
            }

            worksheetPart.Worksheet = new Worksheet(data);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = id++, Name = name });
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>The default cell format, and format 1: the built-in short date (number format 14), as Excel gives a typed date.</summary>
    private static Stylesheet DateStyles() => new(
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
}
