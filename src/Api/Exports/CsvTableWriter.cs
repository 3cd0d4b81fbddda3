using System.Globalization;
using System.Text;
using CsvHelper;

namespace Governance.Api.Exports;

/// <summary>
/// RFC 4180 CSV through CsvHelper, in UTF-8 with a byte order mark (Excel then reads Chinese right) or in GB18030.
/// Numbers in the invariant culture with every digit of the JSON answer; a text cell starting with = + - @, a tab or CR
/// gets a leading apostrophe (CsvHelper's injection escape), so a spreadsheet never runs it as a formula.
/// </summary>
public sealed class CsvTableWriter : TableWriter
{
    private readonly StreamWriter? _text;
    private readonly CsvWriter _csv;
    private readonly bool _gb18030;

    public CsvTableWriter(Stream output, bool gb18030)
    {
        ArgumentNullException.ThrowIfNull(output);
        _gb18030 = gb18030;
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = !gb18030, TrueValue = "true", FalseValue = "false" };
        if (gb18030)
        {
            _text = new StreamWriter(output, Encoding.GetEncoding("GB18030"), 16 * 1024, leaveOpen: true);
            _csv = CsvWriter.Create(_text, options, leaveOpen: true);
        }
        else
        {
            _csv = CsvWriter.Create(output, options, leaveOpen: true);
        }
    }

    public override string ContentType => $"{ExportFormats.CsvType}; charset={(_gb18030 ? "gb18030" : "utf-8")}; header=present";

    public override void Begin(IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        foreach (var heading in headings)
        {
            _csv.WriteField(heading);
        }

        _csv.EndRecord();
    }

    public override void Row(object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    _csv.WriteField((string?)null);
                    break;
                case long n:
                    _csv.WriteField(n, default, CultureInfo.InvariantCulture);
                    break;
                case double d:
                    _csv.WriteField(d, "R", CultureInfo.InvariantCulture);
                    break;
                case decimal m:
                    _csv.WriteField(m, default, CultureInfo.InvariantCulture);
                    break;
                case bool b:
                    _csv.WriteField(b);
                    break;
                default:
                    _csv.WriteField(Cells.Text(value));
                    break;
            }
        }

        _csv.EndRecord();
    }

    public override void Flush()
    {
        _csv.Flush();
        _text?.Flush();
    }

    public override void Finish() => Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
            _text?.Dispose();
        }

        base.Dispose(disposing);
    }
}
