using System.Globalization;
using Governance.Warehouse.Loading;
using Spectre.Console;

namespace Governance.Etl.Batches;

/// <summary>Renders recent batches as a table, and one batch with its rejects and warnings.</summary>
public static class BatchReport
{
    public static void WriteList(IAnsiConsole console, IReadOnlyList<LoadBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0)
        {
            console.WriteLine("No loads yet.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "id", "file", "kind", "status", "read", "inserted", "updated", "unchanged", "rejected", "warnings", "started (UTC)", "duration" })
        {
            table.AddColumn(new TableColumn(column));
        }

        foreach (var b in batches)
        {
            table.AddRow(Cells(
                Number(b.LoadBatchId), Path.GetFileName(b.FileName), b.Kind.ToString(), Status(b), Number(b.RowsRead), Number(b.RowsInserted),
                Number(b.RowsUpdated), Number(b.RowsUnchanged), Number(b.RowsRejected), Number(b.WarningCount), Started(b), Duration(b)));
        }

        console.Write(table);
    }

    public static void WriteDetail(IAnsiConsole console, BatchDetail detail)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(detail);
        var b = detail.Batch;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(Cells("batch", Number(b.LoadBatchId)));
        grid.AddRow(Cells("file", Path.GetFileName(b.FileName)));
        grid.AddRow(Cells("sha-256", b.FileSha256));
        grid.AddRow(Cells("kind", b.Kind.ToString()));
        grid.AddRow(Cells("status", Status(b)));
        grid.AddRow(Cells("started (UTC)", Started(b)));
        grid.AddRow(Cells("duration", Duration(b)));
        grid.AddRow(Cells("rows", $"{b.RowsRead} read, {b.RowsInserted} inserted, {b.RowsUpdated} updated, {b.RowsUnchanged} unchanged, {b.RowsRejected} rejected, {b.WarningCount} warnings"));
        if (b.Message is { } message)
        {
            grid.AddRow(Cells("message", message));
        }

        console.Write(grid);
        console.WriteLine();
        console.WriteLine($"Rejects: {detail.Rejects.Count}");
        if (detail.Rejects.Count > 0)
        {
            var rejects = new Table().Border(TableBorder.Simple).AddColumns("sheet", "line", "column", "rule", "value", "message");
            foreach (var r in detail.Rejects)
            {
                rejects.AddRow(Cells(r.Sheet ?? "", r.LineNumber?.ToString(CultureInfo.InvariantCulture) ?? "", r.ColumnName ?? "", r.Rule, r.RawValue ?? "", r.Message));
            }

            console.Write(rejects);
        }

        console.WriteLine($"Warnings: {detail.Warnings.Count}");
        if (detail.Warnings.Count > 0)
        {
            var warnings = new Table().Border(TableBorder.Simple).AddColumns("rule", "area", "period", "indicator", "value", "previous", "score", "message");
            foreach (var w in detail.Warnings)
            {
                warnings.AddRow(Cells(w.Rule, w.AreaCode, w.PeriodKey, w.IndicatorCode, Decimal(w.Value), Decimal(w.PreviousValue), w.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", w.Message));
            }

            console.Write(warnings);
        }
    }

    private static Text[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];

    private static string Status(LoadBatch b) => b.IsDryRun && b.Status != LoadBatchStatus.DryRun ? $"{b.Status} (dry run)" : b.Status.ToString();

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static string Started(LoadBatch b) => b.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Duration(LoadBatch b) => b.FinishedAt is { } finished
        ? (finished - b.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : "running";
}
