using System.Diagnostics;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Scheduling;

/// <summary>
/// Every poison file of issue 11 dropped into one inbox with a good file after it: <c>governance schedule --once</c>, the
/// real command in its own process, rejects each by name within bounded time and memory, and loads the good one.
/// </summary>
public sealed class PoisonInboxTests
{
    private const long PeakLimitBytes = 500L << 20;

    [Fact]
    public async Task EveryPoisonFileIsRejectedByNameInBoundedMemoryWhileTheGoodFileAfterItLoads()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        var inbox = Directory.CreateDirectory(folder.File("inbox")).FullName;
        folder.Write("inbox/areas.csv", AreasBeforeMerge);
        PoisonFiles.HugeCell(Path.Combine(inbox, "a-cell.xlsx"), 1_100_000_000);
        PoisonFiles.HugeCell(Path.Combine(inbox, "a2-cell.xlsx"), 200_000_000);
        PoisonFiles.SharedStringsBomb(Path.Combine(inbox, "b-shared.xlsx"), 300L << 20);
        PoisonFiles.RowBomb(Path.Combine(inbox, "c-rows.xlsx"), 5L << 20);
        PoisonFiles.DtdInSheet(Path.Combine(inbox, "d-dtd.xlsx"));
        PoisonFiles.SingleLine(Path.Combine(inbox, "e-line.csv"), 50L << 20);
        PoisonFiles.ManyColumns(Path.Combine(inbox, "f-columns.csv"), 1_000_000);
        PoisonFiles.Fifo(Path.Combine(inbox, "g-fifo.csv"));
        // A link to a file outside the inbox that would load if it were followed.
        File.CreateSymbolicLink(Path.Combine(inbox, "h-link.csv"), folder.Write("outside.csv", LongFile(V1 + ",2024,CE_TOTAL_INCOME,99")));
        folder.Write("inbox/zz-values.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20"));
        var expected = new Dictionary<string, (string Rule, string Named)>
        {
            ["a-cell.xlsx"] = ("file_too_large", "Etl:Limits:MaxPartBytes"), // 1.1 GB of sheet XML
            ["a2-cell.xlsx"] = ("file_too_large", "Etl:Limits:MaxCellCharacters"), // a cell of 200 MB within a part under the bound
            ["b-shared.xlsx"] = ("file_too_large", "Etl:Limits:MaxSharedStringsBytes"),
            ["c-rows.xlsx"] = ("file_too_large", "Etl:Limits:MaxCells"),
            ["d-dtd.xlsx"] = ("file_unreadable", "DTD"),
            ["e-line.csv"] = ("file_too_large", "Etl:Limits:MaxCsvRecordCharacters"),
            ["f-columns.csv"] = ("file_too_large", "Etl:Limits:MaxCsvRecordCharacters"), // a header line of 2 MB
            ["g-fifo.csv"] = ("file_not_regular", "named pipe (FIFO)"),
            ["h-link.csv"] = ("file_not_regular", "symbolic link"),
        };

        var clock = Stopwatch.StartNew();
        var run = await RunAsync(warehouse, inbox, "schedule", "--once");
        clock.Stop();

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; output: {run.Output}");
        Assert.True(run.PeakBytes is > 0 and < PeakLimitBytes, $"peak resident memory {run.PeakBytes >> 20} MB");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed}");
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal); // no stack trace
        Assert.Equal(["archive", "rejected"], Directory.EnumerateFileSystemEntries(inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["areas.csv", "areas.csv.report.txt", "zz-values.csv", "zz-values.csv.report.txt"], Names(Path.Combine(inbox, "archive")));
        Assert.Equal([.. expected.Keys.SelectMany(k => new[] { k, k + ".report.txt" }).Order(StringComparer.Ordinal)], Names(Path.Combine(inbox, "rejected")));
        foreach (var (file, (rule, named)) in expected)
        {
            var report = await File.ReadAllTextAsync(Path.Combine(inbox, "rejected", file + ".report.txt"), TestContext.Current.CancellationToken);
            Assert.Contains("status:    Rejected\n", report, StringComparison.Ordinal);
            Assert.Contains($"[{rule}]", report, StringComparison.Ordinal);
            Assert.Contains(named, report, StringComparison.Ordinal);
            Assert.Contains($"{file}: Rejected", run.Output, StringComparison.Ordinal);
        }

        Assert.Equal([V1 + " 2023 CE_TOTAL_INCOME 20"], await Facts.AllAsync(warehouse));
        await using var db = warehouse.CreateDbContext();
        var batches = await db.LoadBatches.OrderBy(b => b.LoadBatchId).Select(b => new { b.FileName, b.Status }).ToListAsync(TestContext.Current.CancellationToken);
        // The link and the pipe are refused before they are opened: no batch, no hash. The others record the name alone.
        Assert.Equal(
            ["areas.csv Loaded", "a-cell.xlsx Rejected", "a2-cell.xlsx Rejected", "b-shared.xlsx Rejected", "c-rows.xlsx Rejected", "d-dtd.xlsx Rejected", "e-line.csv Rejected", "f-columns.csv Rejected", "zz-values.csv Loaded"],
            batches.Select(b => $"{b.FileName} {b.Status}"));
    }

    private static string[] Names(string folder) => [.. Directory.EnumerateFileSystemEntries(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <summary>Runs the CLI in its own process; its peak resident memory is read from /proc while it runs (VmHWM only grows).</summary>
    private static async Task<(int ExitCode, string Output, string Errors, long PeakBytes)> RunAsync(TestWarehouse warehouse, string inbox, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = inbox, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Governance.Etl.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Warehouse__Provider"] = warehouse.Provider.ToString();
        start.Environment["ConnectionStrings__Warehouse"] = warehouse.ConnectionString;
        start.Environment["Etl__Inbox"] = inbox;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        long peak = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors, peak);
    }

    private static long PeakResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // exited between the check and the read
        }
    }
}
