using Governance.Etl.Loading;

namespace Governance.Etl.Commands;

/// <summary>Prints what became of each file on standard output, rejects included (the first few; all are in etl_reject).</summary>
internal static class LoadReportWriter
{
    private const int RejectsShown = 20;

    public static void Write(TextWriter output, LoadResult result)
    {
        output.WriteLine(
            $"{result.FileName}: {result.Status} (batch {result.LoadBatchId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}): "
            + $"{result.RowsRead} rows read, {result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged, "
            + $"{result.Rejected} rejected, {result.Warnings} warnings");
        if (result.Message is { } message)
        {
            output.WriteLine($"  {message}");
        }

        foreach (var reject in result.Rejects.Take(RejectsShown))
        {
            output.WriteLine($"  {reject}");
        }

        if (result.Rejected > RejectsShown)
        {
            output.WriteLine($"  ... {result.Rejected - RejectsShown} more (governance batches show {result.LoadBatchId})");
        }
    }

    /// <summary>0 when every file loaded, was skipped, or passed a dry run; 1 when any was rejected or failed.</summary>
    public static int ExitCode(IEnumerable<LoadResult> results) =>
        results.All(r => r.Succeeded) ? ExitCodes.Success
            : ExitCodes.Rejected;
}
