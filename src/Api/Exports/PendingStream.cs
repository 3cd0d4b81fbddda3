namespace Governance.Api.Exports;

/// <summary>
/// A write-only stream the table writers write to synchronously (CsvHelper, Utf8JsonWriter, a zip archive and
/// OpenXmlWriter all write synchronously), drained to the response asynchronously every few rows: the response never
/// blocks a thread, and only the bytes since the last drain sit in memory, whatever the number of rows.
/// </summary>
public sealed class PendingStream : Stream
{
    private byte[] _buffer = new byte[64 * 1024];

    /// <summary>Bytes waiting to be drained.</summary>
    public int Pending { get; private set; }

    /// <summary>The most bytes that ever waited at once: what streaming kept in memory.</summary>
    public int MostPending { get; private set; }

    /// <summary>Every byte written so far.</summary>
    public long Total { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Pending + buffer.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Pending + buffer.Length));
        }

        buffer.CopyTo(_buffer.AsSpan(Pending));
        Pending += buffer.Length;
        Total += buffer.Length;
        MostPending = Math.Max(MostPending, Pending);
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Writes what waits to <paramref name="target"/> and forgets it.</summary>
    public async Task DrainAsync(Stream target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Pending == 0)
        {
            return;
        }

        await target.WriteAsync(_buffer.AsMemory(0, Pending), cancellationToken);
        Pending = 0;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
