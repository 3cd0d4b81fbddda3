using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Governance.Etl.Demo;

/// <summary>Writes an XLSX workbook the way township templates look: title rows above a header, one sheet per table.</summary>
internal sealed class TemplateWorkbook
{
    private readonly List<(string Name, IReadOnlyList<string> Titles, IReadOnlyList<string> Header, IReadOnlyList<object[]> Rows)> _sheets = [];

    public void AddSheet(string name, IReadOnlyList<string> titles, IReadOnlyList<string> header, IReadOnlyList<object[]> rows) =>
        _sheets.Add((name, titles, header, rows));

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
        uint sheetId = 1;
        foreach (var (name, titles, header, rows) in _sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 1;
            foreach (var title in titles)
            {
                data.Append(Row(rowIndex++, [title], strings));
            }

            data.Append(Row(rowIndex++, [.. header], strings));
            foreach (var row in rows)
            {
                data.Append(Row(rowIndex++, row, strings));
            }

            var worksheet = new Worksheet(data);
            if (titles.Count > 0)
            {
                var merges = new MergeCells();
                for (var t = 1; t <= titles.Count; t++)
                {
                    merges.Append(new MergeCell { Reference = $"A{t}:{Column(header.Count - 1)}{t}" });
                }

                worksheet.InsertAfter(merges, data);
            }

            worksheetPart.Worksheet = worksheet;
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = name });
        }

        strings.Save();
        workbookPart.Workbook.Save();
    }

    private static Row Row(uint index, object[] cells, SharedStrings strings)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Length; c++)
        {
            var reference = $"{Column(c)}{index}";
            row.Append(cells[c] switch
            {
                decimal number => new Cell { CellReference = reference, CellValue = new CellValue(number), DataType = CellValues.Number },
                var text => new Cell { CellReference = reference, CellValue = new CellValue(strings.Index(Convert.ToString(text, CultureInfo.InvariantCulture) ?? string.Empty)), DataType = CellValues.SharedString },
            });
        }

        return row;
    }

    private static string Column(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly SharedStringTable _table = new();

        public int Index(string text)
        {
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _indexes.Count;
                _indexes[text] = index;
                _table.Append(new SharedStringItem(new Text(text)));
            }

            return index;
        }

        public void Save()
        {
            _table.Count = (uint)_indexes.Count;
            _table.UniqueCount = (uint)_indexes.Count;
            part.SharedStringTable = _table;
        }
    }
}
