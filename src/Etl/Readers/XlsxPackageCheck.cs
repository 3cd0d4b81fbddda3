using System.Globalization;
using System.IO.Compression;

namespace Governance.Etl.Readers;

/// <summary>
/// Inflates every part of a workbook once before ExcelDataReader opens it, counting the bytes actually inflated (a zip
/// bomb lies in its headers) against <see cref="ReadLimits"/>, and scanning the XML for the longest text or tag (a cell
/// of a gigabyte would be one string in memory) and for a DTD. Only then is the workbook read; a file past a bound is an
/// <see cref="UnreadableFileException"/> naming the bound and its setting. Memory stays one buffer whatever the file holds.
/// </summary>
internal static class XlsxPackageCheck
{
    private const int BufferSize = 1 << 16;

    public static void Check(Stream stream, ReadLimits limits)
    {
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > limits.MaxParts)
            {
                throw UnreadableFileException.TooLarge(FormattableString.Invariant($"{zip.Entries.Count:N0} parts in the workbook's zip"), nameof(ReadLimits.MaxParts), limits.MaxParts);
            }

            var buffer = new byte[BufferSize];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var shared = entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                var (limit, setting) = shared ? (Math.Min(limits.MaxSharedStringsBytes, limits.MaxPartBytes), shared && limits.MaxSharedStringsBytes <= limits.MaxPartBytes ? nameof(ReadLimits.MaxSharedStringsBytes) : nameof(ReadLimits.MaxPartBytes))
                    : (limits.MaxPartBytes, nameof(ReadLimits.MaxPartBytes));
                if (entry.Length > limit)
                {
                    throw UnreadableFileException.TooLarge(Part(entry, entry.Length, "declares"), setting, limit);
                }

                if (total + entry.Length > limits.MaxTotalBytes)
                {
                    throw UnreadableFileException.TooLarge(string.Create(CultureInfo.InvariantCulture, $"the workbook's parts declare more than {limits.MaxTotalBytes:N0} bytes uncompressed"), nameof(ReadLimits.MaxTotalBytes), limits.MaxTotalBytes);
                }

                total += Inflate(entry, buffer, limit, setting, limits, total);
            }
        }

        stream.Position = 0;
    }

    /// <summary>Inflates one part, counting its bytes and scanning it as XML; returns its true uncompressed size.</summary>
    private static long Inflate(ZipArchiveEntry entry, byte[] buffer, long limit, string setting, ReadLimits limits, long totalBefore)
    {
        var xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
        var scanner = new XmlRunScanner();
        long bytes = 0;
        using var part = entry.Open();
        int read;
        while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
        {
            bytes += read;
            if (bytes > limit)
            {
                throw UnreadableFileException.TooLarge(Part(entry, bytes, "inflates to more than"), setting, limit);
            }

            if (totalBefore + bytes > limits.MaxTotalBytes)
            {
                throw UnreadableFileException.TooLarge(string.Create(CultureInfo.InvariantCulture, $"the workbook's parts inflate to more than {limits.MaxTotalBytes:N0} bytes"), nameof(ReadLimits.MaxTotalBytes), limits.MaxTotalBytes);
            }

            if (xml)
            {
                scanner.Scan(buffer.AsSpan(0, read), entry.FullName, limits);
            }
        }

        return bytes;
    }

    private static string Part(ZipArchiveEntry entry, long bytes, string verb) =>
        string.Create(CultureInfo.InvariantCulture, $"part {entry.FullName} {verb} {bytes:N0} bytes uncompressed");
}
