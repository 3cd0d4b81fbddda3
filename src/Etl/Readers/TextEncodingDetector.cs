using System.Text;

namespace Governance.Etl.Readers;

/// <summary>
/// Tells UTF-8 (with or without BOM) from GB18030 by trying a strict UTF-8 decode of the first bytes; UTF-16 (Excel's
/// "Unicode Text" export) by its byte order mark.
/// </summary>
public static class TextEncodingDetector
{
    private const int SampleSize = 1 << 16;

    static TextEncodingDetector()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Reads a sample from the start of the stream, then rewinds it.</summary>
    public static Encoding Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[SampleSize];
        var length = stream.ReadAtLeast(buffer, SampleSize, throwOnEndOfStream: false);
        stream.Position = 0;
        return Detect(buffer.AsSpan(0, length), complete: length < SampleSize);
    }

    public static Encoding Detect(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(bigEndian: sample[0] == 0xFE, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        try
        {
            // flush: false keeps a multi-byte character cut by the sample's end pending instead of failing.
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder().GetCharCount(sample, flush: complete);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
    }
}
