using System.Text;
using Governance.Etl.Readers;

namespace Governance.Etl.Tests.Readers;

public sealed class TextEncodingDetectorTests
{
    [Fact]
    public void Gb18030TextIsNotMistakenForUtf8()
    {
        var bytes = TextEncodingDetector.Gb18030.GetBytes("区划代码,村集体经营性收入\n");

        Assert.Equal("GB18030", TextEncodingDetector.Detect(bytes, complete: true).WebName, ignoreCase: true);
    }

    [Fact]
    public void Utf8WithAndWithoutBomIsUtf8()
    {
        var plain = new UTF8Encoding(false).GetBytes("区划代码,期间\n");
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. plain];

        Assert.Equal("utf-8", TextEncodingDetector.Detect(plain, complete: true).WebName);
        Assert.Equal("utf-8", TextEncodingDetector.Detect(withBom, complete: true).WebName);
    }

    [Fact]
    public void CharacterCutByTheEndOfTheSampleDoesNotMakeUtf8LookInvalid()
    {
        // 区 is E5 8C BA in UTF-8: a sample ending after E5 8C is an incomplete character, not an invalid one.
        byte[] sample = [(byte)'a', 0xE5, 0x8C];

        Assert.Equal("utf-8", TextEncodingDetector.Detect(sample, complete: false).WebName);
        Assert.Equal("GB18030", TextEncodingDetector.Detect(sample, complete: true).WebName, ignoreCase: true);
    }

    [Fact]
    public void Utf16WithItsByteOrderMarkIsUtf16()
    {
        byte[] little = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("区划代码\t期间\n")];
        byte[] big = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("区划代码\t期间\n")];

        Assert.Equal("utf-16", TextEncodingDetector.Detect(little, complete: true).WebName);
        Assert.Equal("utf-16BE", TextEncodingDetector.Detect(big, complete: true).WebName);
    }
}
