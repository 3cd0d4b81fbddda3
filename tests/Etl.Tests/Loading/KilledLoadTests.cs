using System.Diagnostics;
using System.Globalization;
using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Tests.Loading;

/// <summary>A real <c>governance load</c> process killed mid-load leaves nothing of its batch; the next run loads the file whole.</summary>
public sealed class KilledLoadTests
{
    private static readonly string[] QuarterlyIndicators = ["ORG_TEMP_ORGS", "ORG_VANGUARD_POSTS", "CAD_FIRST_SECRETARIES", "CAD_TALKS"];

    /// <summary>60 villages (30 in each of two towns).</summary>
    private static readonly string[] Villages =
        [.. new[] { "101", "102" }.SelectMany(town => Enumerable.Range(200, 30).Select(v => $"361100{town}{v.ToString(CultureInfo.InvariantCulture)}"))];

    /// <summary>60 villages x 204 quarters (2000Q1-2050Q4) x 4 indicators; the child logs progress every 2,000 rows and is killed at the first.</summary>
    private const int Rows = 60 * 204 * 4;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task LoadKilledMidwayLeavesNothingAndTheNextRunLoadsEverything(WarehouseProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var areas = "code,name\n361100101000,甲镇\n361100102000,乙镇\n" + string.Concat(Villages.Select(v => $"{v},村{v[^3..]}\n"));
        Assert.Equal(LoadBatchStatus.Loaded, (await Loaders.Areas(warehouse).LoadAsync(folder.Write("areas.csv", areas), LoadOptions.Default, cancellationToken)).Status);
        var big = WriteBigFile(folder.File("big.csv"));

        var killedBatch = await StartAndKillMidLoadAsync(warehouse, folder, big, cancellationToken);

        await using (var db = warehouse.CreateDbContext())
        {
            Assert.Equal(LoadBatchStatus.Running, (await db.LoadBatches.SingleAsync(b => b.LoadBatchId == killedBatch, cancellationToken)).Status);
            Assert.Equal(0, await db.IndicatorValues.CountAsync(cancellationToken));
        }

        var rerun = await Loaders.Indicators(warehouse).LoadAsync(big, LoadOptions.Default, cancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, Rows, Rows, 0, 0, 0), (rerun.Status, rerun.RowsRead, rerun.Inserted, rerun.Updated, rerun.Unchanged, rerun.Rejected));
        await using var after = warehouse.CreateDbContext();
        Assert.Equal(LoadBatchStatus.Failed, (await after.LoadBatches.SingleAsync(b => b.LoadBatchId == killedBatch, cancellationToken)).Status);
        Assert.Equal(Rows, await after.IndicatorValues.CountAsync(v => v.LoadBatchId == rerun.LoadBatchId, cancellationToken));
        Assert.Equal(Rows, await after.IndicatorValues.CountAsync(cancellationToken));
    }

    private static string WriteBigFile(string path)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("area_code,period,indicator,value");
        foreach (var village in Villages)
        {
            var value = (int.Parse(village[^3..], CultureInfo.InvariantCulture) % 7) + 1;
            for (var year = 2000; year <= 2050; year++)
            {
                for (var quarter = 1; quarter <= 4; quarter++)
                {
                    foreach (var indicator in QuarterlyIndicators)
                    {
                        writer.WriteLine($"{village},{year}Q{quarter},{indicator},{value}");
                    }
                }
            }
        }

        return path;
    }

    /// <summary>Runs <c>dotnet Governance.Etl.dll load FILE</c> against the test warehouse and kills it once it logs its first progress line.</summary>
    private static async Task<long> StartAndKillMidLoadAsync(TestWarehouse warehouse, TempFolder folder, string file, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Governance.Etl.dll"));
        start.ArgumentList.Add("load");
        start.ArgumentList.Add(file);
        start.Environment["Warehouse__Provider"] = warehouse.Provider.ToString();
        start.Environment["ConnectionStrings__Warehouse"] = warehouse.ConnectionString;
        start.Environment["Etl__ProgressLogRows"] = "2000";
        using var process = Process.Start(start)!;
        var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                log.Enqueue(line);
                if (line.Contains("rows read", StringComparison.Ordinal) && !line.Contains("Loaded", StringComparison.Ordinal))
                {
                    progress.TrySetResult();
                }
            }
        };
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var exited = process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(progress.Task, exited) != progress.Task)
        {
            Assert.Fail("The load ended before it reported progress:\n" + string.Join("\n", log));
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(cancellationToken);
        await using var db = warehouse.CreateDbContext();
        return await db.LoadBatches.Where(b => b.Kind == LoadBatchKind.IndicatorValues).Select(b => b.LoadBatchId).SingleAsync(cancellationToken);
    }
}
