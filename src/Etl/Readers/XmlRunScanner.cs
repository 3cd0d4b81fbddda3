using System.Buffers.Binary;
using System.Globalization;

namespace Governance.Etl.Readers;

/// <summary>
/// Scans XML bytes as they are inflated: the longest run of bytes between two <c>&lt;</c> bounds every text (cell value)
/// and every tag, since neither may hold a <c>&lt;</c>; inside CDATA sections and comments, which may, the run goes on
/// to their end. A DTD (<c>&lt;!DOCTYPE</c>, <c>&lt;!ENTITY</c>) is refused: no workbook needs one, and entities expand.
/// </summary>
internal sealed class XmlRunScanner
{
    private static readonly ulong CdataOpen = Tail("![CDATA["u8); // after '<'
    private static readonly ulong Doctype = Tail("!DOCTYPE"u8); // after '<'
    private static readonly ulong Entity = Tail("<!ENTITY"u8);
    private static readonly ulong CommentOpen = Tail("<!--"u8);
    private static readonly ulong CdataClose = Tail("]]>"u8);
    private static readonly ulong CommentClose = Tail("-->"u8);

    private ulong _last8; // the last eight bytes, the newest lowest
    private byte _ninth; // the byte before them
    private long _run;
    private ulong? _closing;
    private ulong _closingMask;

    public void Scan(ReadOnlySpan<byte> bytes, string part, ReadLimits limits)
    {
        // A cell of n characters is a run of at least n bytes (UTF-8 or UTF-16); the margin covers the tags around it.
        var limit = ((long)limits.MaxCellCharacters * 4) + 4096;
        foreach (var b in bytes)
        {
            _ninth = (byte)(_last8 >> 56);
            _last8 = (_last8 << 8) | b;
            if (_closing is { } closing)
            {
                _run++;
                if ((_last8 & _closingMask) == closing)
                {
                    _closing = null;
                }
            }
            else if (b == (byte)'<')
            {
                _run = 0;
            }
            else
            {
                _run++;
                Watch(b, part);
            }

            if (_run > limit)
            {
                throw UnreadableFileException.TooLarge(
                    string.Create(CultureInfo.InvariantCulture, $"part {part} holds a text or tag longer than {limit:N0} bytes (a cell past the limit of characters)"),
                    nameof(ReadLimits.MaxCellCharacters), limits.MaxCellCharacters);
            }
        }
    }

    private void Watch(byte b, string part)
    {
        if (b == (byte)'-' && (_last8 & 0xFFFF_FFFF) == CommentOpen)
        {
            (_closing, _closingMask) = (CommentClose, 0xFF_FFFF);
        }
        else if (b == (byte)'[' && _ninth == (byte)'<' && _last8 == CdataOpen)
        {
            (_closing, _closingMask) = (CdataClose, 0xFF_FFFF);
        }
        else if ((b == (byte)'E' && _ninth == (byte)'<' && _last8 == Doctype) || (b == (byte)'Y' && _last8 == Entity))
        {
            throw new UnreadableFileException(
                $"工作簿的 {part} 含有 DTD，拒绝读取 / part {part} of the workbook holds a DTD (<!DOCTYPE or <!ENTITY): workbooks have none, and it is not read");
        }
    }

    private static ulong Tail(ReadOnlySpan<byte> text)
    {
        Span<byte> padded = stackalloc byte[8];
        text.CopyTo(padded[(8 - text.Length)..]);
        return BinaryPrimitives.ReadUInt64BigEndian(padded);
    }
}
