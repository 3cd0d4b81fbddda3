using System.Text.Encodings.Web;
using System.Text.Json;

namespace Governance.Api.Exports;

/// <summary>JSON rows: one flat array of objects keyed by the headings (<c>application/json</c>), or one object per line (<c>application/x-ndjson</c>); numbers as JSON numbers, Chinese as is.</summary>
public sealed class JsonTableWriter(Stream output, bool lines) : TableWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly Utf8JsonWriter _json = new(output, Options);
    private JsonEncodedText[] _names = [];

    public override string ContentType => lines ? ExportFormats.NdJsonType + "; charset=utf-8" : "application/json; charset=utf-8";

    public override void Begin(IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        _names = [.. headings.Select(h => JsonEncodedText.Encode(h, Options.Encoder))];
        if (!lines)
        {
            _json.WriteStartArray();
        }
    }

    public override void Row(object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _json.WriteStartObject();
        for (var i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case null:
                    _json.WriteNull(_names[i]);
                    break;
                case long n:
                    _json.WriteNumber(_names[i], n);
                    break;
                case double d:
                    _json.WriteNumber(_names[i], d);
                    break;
                case decimal m:
                    _json.WriteNumber(_names[i], m);
                    break;
                case bool b:
                    _json.WriteBoolean(_names[i], b);
                    break;
                default:
                    _json.WriteString(_names[i], Cells.Text(values[i]));
                    break;
            }
        }

        _json.WriteEndObject();
        if (lines)
        {
            _json.Flush();
            output.WriteByte((byte)'\n');
            _json.Reset(); // each line is a JSON document of its own
        }
    }

    public override void Flush() => _json.Flush();

    public override void Finish()
    {
        if (!lines)
        {
            _json.WriteEndArray();
        }

        _json.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _json.Dispose();
        }

        base.Dispose(disposing);
    }
}
