using Governance.Etl.Batches;
using Governance.Etl.Terminal;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;

namespace Governance.Etl.Tests.Batches;

public sealed class BatchReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListShowsTheMostRecentLoadsFirstWithTheirCounts(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await SeedAsync(warehouse);

        var batches = await new BatchQueries(warehouse.Factory).RecentAsync(2, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        BatchReport.WriteList(OperatorConsole.Create(output, terminal: false), batches);

        var lines = output.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('─')).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(["id", "file", "kind", "status", "read", "inserted", "updated", "unchanged", "rejected", "warnings", "started", "(UTC)", "duration"], Words(lines[0]));
        Assert.Equal(["3", "dirty.csv", "IndicatorValues", "Rejected", "10", "0", "0", "0", "2", "1", "2026-03-02", "08:32:00", "0.5", "s"], Words(lines[1]));
        Assert.Equal(["2", "values-2024.csv", "IndicatorValues", "Loaded", "1200", "1000", "150", "50", "0", "0", "2026-03-02", "08:31:00", "12.3", "s"], Words(lines[2]));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ShowListsEveryRejectAndWarningOfOneBatch(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var dirty = await SeedAsync(warehouse);

        var detail = await new BatchQueries(warehouse.Factory).FindAsync(dirty, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        BatchReport.WriteDetail(OperatorConsole.Create(output, terminal: false), detail!);

        var text = output.ToString();
        Assert.Contains("dirty.csv", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/inbox/", text, StringComparison.Ordinal); // a batch recorded with a server path before names alone shows its name
        Assert.Contains("10 read, 0 inserted, 0 updated, 0 unchanged, 2 rejected, 1 warnings", text, StringComparison.Ordinal);
        Assert.Contains("Rejects: 2", text, StringComparison.Ordinal);
        var rejectLines = text.Split('\n').Where(l => l.Contains("unknown_area", StringComparison.Ordinal) || l.Contains("value_not_a_number", StringComparison.Ordinal)).Select(Words).ToList();
        Assert.Equal(["3", "area_code", "unknown_area", "361124398398", "Unknown", "area"], rejectLines[0]);
        Assert.Equal(["4", "value", "value_not_a_number", "约30", "Not", "a", "number"], rejectLines[1]);
        Assert.Contains("Warnings: 1", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), l => Words(l).SequenceEqual(["extreme_change", "361124001200", "2024", "CE_OPERATING_INCOME", "95", "9.5", "4.20", "Tenfold", "rise"]));
        Assert.Null(await new BatchQueries(warehouse.Factory).FindAsync(99, TestContext.Current.CancellationToken));
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Three batches (areas, a loaded file, a rejected one); returns the id of the rejected one.</summary>
    private static async Task<long> SeedAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        db.LoadBatches.Add(Batch("/inbox/areas.csv", LoadBatchKind.Areas, LoadBatchStatus.Loaded, 0, 3, 20, 20, 0, 0, 0, 0));
        db.LoadBatches.Add(Batch("/inbox/values-2024.csv", LoadBatchKind.IndicatorValues, LoadBatchStatus.Loaded, 1, 12.3, 1200, 1000, 150, 50, 0, 0));
        var dirty = Batch("/inbox/dirty.csv", LoadBatchKind.IndicatorValues, LoadBatchStatus.Rejected, 2, 0.5, 10, 0, 0, 0, 2, 1);
        db.LoadBatches.Add(dirty);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.LoadRejects.Add(new LoadReject { LoadBatchId = dirty.LoadBatchId, LineNumber = 4, ColumnName = "value", Rule = "value_not_a_number", RawValue = "约30", Message = "Not a number" });
        db.LoadRejects.Add(new LoadReject { LoadBatchId = dirty.LoadBatchId, LineNumber = 3, ColumnName = "area_code", Rule = "unknown_area", RawValue = "361124398398", Message = "Unknown area" });
        db.LoadWarnings.Add(new LoadWarning { LoadBatchId = dirty.LoadBatchId, Rule = "extreme_change", AreaCode = "361124001200", PeriodKey = "2024", IndicatorCode = "CE_OPERATING_INCOME", Value = 95m, PreviousValue = 9.5m, Score = 4.2, Message = "Tenfold rise" });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return dirty.LoadBatchId;
    }

    private static LoadBatch Batch(string file, LoadBatchKind kind, LoadBatchStatus status, int minute, double seconds, int read, int inserted, int updated, int unchanged, int rejected, int warnings) => new()
    {
        Kind = kind,
        FileName = file,
        FileSha256 = new string('a', 63) + minute,
        Status = status,
        RowsRead = read,
        RowsInserted = inserted,
        RowsUpdated = updated,
        RowsUnchanged = unchanged,
        RowsRejected = rejected,
        WarningCount = warnings,
        StartedAt = Start.AddMinutes(minute),
        FinishedAt = Start.AddMinutes(minute).AddSeconds(seconds),
    };
}
