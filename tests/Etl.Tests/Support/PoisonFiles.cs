using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Governance.Etl.Tests.Support;

/// <summary>
/// Damaged and hostile files, written as an attacker would: workbooks built part by part (so a part can be anything),
/// each streamed into the zip so that a part of hundreds of megabytes costs a buffer to write and deflates to kilobytes.
/// </summary>
public static class PoisonFiles
{
    private const string SheetStart = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private const string SheetEnd = "</sheetData></worksheet>";

    /// <summary>One inline-string cell of <paramref name="characters"/> 'a's.</summary>
    public static void HugeCell(string path, long characters) => Write(path, sheet =>
    {
        Text(sheet, SheetStart + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
        Repeat(sheet, (byte)'a', characters);
        Text(sheet, "</t></is></c></row>" + SheetEnd);
    });

    /// <summary>A shared-strings part of <paramref name="bytes"/> bytes of short strings, and a sheet that uses the first.</summary>
    public static void SharedStringsBomb(string path, long bytes) => Write(
        path,
        sheet => Text(sheet, SheetStart + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" + SheetEnd),
        shared =>
        {
            Text(shared, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            var item = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<si><t>aaaaaaaaaaaaaaaa</t></si>", 1 << 15)));
            for (long written = 0; written < bytes; written += item.Length)
            {
                shared.Write(item);
            }

            Text(shared, "</sst>");
        });

    /// <summary>
    /// About <paramref name="bytes"/> of sheet XML, every row one cell in the last column Excel has (XFD): each row read
    /// is 16,384 cells wide, so a few megabytes stand for billions of cells.
    /// </summary>
    public static void RowBomb(string path, long bytes) => Write(path, sheet =>
    {
        Text(sheet, SheetStart);
        long written = 0;
        for (var row = 1; written < bytes; row++)
        {
            var xml = Encoding.UTF8.GetBytes($"<row r=\"{row}\"><c r=\"XFD{row}\"><v>1</v></c></row>");
            sheet.Write(xml);
            written += xml.Length;
        }

        Text(sheet, SheetEnd);
    });

    /// <summary>A sheet with a document type declaration and an internal entity.</summary>
    public static void DtdInSheet(string path) => Write(path, sheet => Text(
        sheet,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">]>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a;</t></is></c></row>"
        + SheetEnd));

    /// <summary>A CSV file of one line of <paramref name="characters"/> characters (no line break at all).</summary>
    public static void SingleLine(string path, long characters)
    {
        using var file = File.Create(path);
        Repeat(file, (byte)'a', characters);
    }

    /// <summary>A CSV file whose header has <paramref name="columns"/> columns, then one data row.</summary>
    public static void ManyColumns(string path, int columns)
    {
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        file.Write("area_code");
        for (var i = 1; i < columns; i++)
        {
            file.Write(",x");
        }

        file.Write("\n361100101200\n");
    }

    /// <summary>A named pipe (FIFO), made by the system's mkfifo.</summary>
    public static void Fifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A workbook of one sheet, and a shared-strings part when <paramref name="sharedStrings"/> writes one.</summary>
    public static void Write(string path, Action<Stream> sheet, Action<Stream>? sharedStrings = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + (sharedStrings is null ? string.Empty : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
            + "</Types>");
        Part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + (sharedStrings is null ? string.Empty : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
            + "</Relationships>");
        using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        {
            sheet(part);
        }

        if (sharedStrings is not null)
        {
            using var part = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open();
            sharedStrings(part);
        }
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var part = zip.CreateEntry(name).Open();
        Text(part, xml);
    }

    private static void Text(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static void Repeat(Stream stream, byte value, long count)
    {
        var block = new byte[1 << 20];
        Array.Fill(block, value);
        for (var left = count; left > 0; left -= block.Length)
        {
            stream.Write(block, 0, (int)Math.Min(block.Length, left));
        }
    }
}
