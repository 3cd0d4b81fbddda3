using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Governance.Etl.Tests.Support;

/// <summary>Writes a tiny .xlsx: sheets of rows of cells (numbers stay numbers, everything else is inline text).</summary>
public static class Workbook
{
    public static void Write(string path, params (string Name, object[][] Rows)[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
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
}
