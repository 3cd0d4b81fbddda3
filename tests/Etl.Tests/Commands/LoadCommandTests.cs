using System.Diagnostics;
using Governance.Etl.Commands;
using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Commands;

public sealed class LoadCommandTests
{
    [Fact]
    public async Task RejectedFileMakesTheExitCodeOneAndABadPeriodTwo()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        folder.Write("clean.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20"));
        folder.Write("dirty.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,-1"));

        var mixed = await RunAsync(warehouse, folder, "load", "clean.csv", "dirty.csv");
        var badPeriod = await RunAsync(warehouse, folder, "load", "clean.csv", "--period", "someday");

        Assert.Equal((1, 2), (mixed.ExitCode, badPeriod.ExitCode));
        Assert.Contains("clean.csv: Loaded (batch 2): 1 rows read, 1 inserted", mixed.Output, StringComparison.Ordinal);
        Assert.Contains("dirty.csv: Rejected (batch 3)", mixed.Output, StringComparison.Ordinal);
        Assert.Contains("line 2, column value: [value_out_of_range]", mixed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", mixed.Output, StringComparison.Ordinal); // EF's per-command log is not an operator's business
    }

    [Fact]
    public async Task ADryRunPrintsWhatTheRealLoadWouldDo()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        folder.Write("dirty.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20", V2 + ",2023,CE_TOTAL_INCOME,30", V1 + ",2023,CE_ASSETS,-1"));

        var dry = await RunAsync(warehouse, folder, "load", "dirty.csv", "--dry-run");
        var drySkipping = await RunAsync(warehouse, folder, "load", "dirty.csv", "--dry-run", "--skip-invalid-rows");

        var lines = dry.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.EndsWith("dirty.csv: DryRun (batch 2): 3 rows read, 0 inserted, 0 updated, 0 unchanged, 1 rejected, 0 warnings", StringComparison.Ordinal));
        Assert.Contains("  试运行：文件将被整体退回（1 个问题）；加 --skip-invalid-rows 可导入 2 个数值 / dry run: would be rejected whole (1 rejects); with --skip-invalid-rows 2 values would load", lines);
        Assert.Contains("  试运行：2 个数值可以导入，1 个问题 / dry run: 2 values would load, 1 rejected", drySkipping.Output.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task AFolderLoadLeavesAreaListsAndTargetsToTheirCommands()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        Directory.CreateDirectory(Path.Combine(folder.Path, "reports"));
        folder.Write("reports/areas.csv", AreasBeforeMerge);
        folder.Write("reports/targets.csv", "area_code,indicator,period,target\n" + V1 + ",CE_OPERATING_INCOME,2025,30\n");
        folder.Write("reports/values.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20"));

        var run = await RunAsync(warehouse, folder, "load", "reports");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("values.csv: Loaded (batch 2): 1 rows read, 1 inserted", run.Output, StringComparison.Ordinal);
        Assert.Contains($"areas.csv: not loaded as a report; load it with `governance areas {Path.Combine("reports", "areas.csv")}`", run.Output, StringComparison.Ordinal);
        Assert.Contains($"targets.csv: not loaded as a report; load it with `governance targets {Path.Combine("reports", "targets.csv")}`", run.Output, StringComparison.Ordinal);
        Assert.Equal([V1 + " 2023 CE_TOTAL_INCOME 20"], await Facts.AllAsync(warehouse));
    }

    [Fact]
    public void ExitCodeIsZeroOnlyWhenEveryFileLoadedWasSkippedOrPassedItsDryRun()
    {
        LoadResult Result(LoadBatchStatus status, int rejected = 0) => new(1, "f.csv", status, 1, 0, 0, 0, rejected, 0, []);

        Assert.Equal(0, LoadReportWriter.ExitCode([Result(LoadBatchStatus.Loaded), Result(LoadBatchStatus.Skipped), Result(LoadBatchStatus.DryRun)]));
        Assert.Equal(0, LoadReportWriter.ExitCode([Result(LoadBatchStatus.Loaded, rejected: 2)]));
        Assert.Equal(1, LoadReportWriter.ExitCode([Result(LoadBatchStatus.Loaded), Result(LoadBatchStatus.Rejected, 1)]));
        Assert.Equal(1, LoadReportWriter.ExitCode([Result(LoadBatchStatus.DryRun, 1)]));
        Assert.Equal(1, LoadReportWriter.ExitCode([Result(LoadBatchStatus.Failed)]));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(TestWarehouse warehouse, TempFolder folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Governance.Etl.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Warehouse__Provider"] = warehouse.Provider.ToString();
        start.Environment["ConnectionStrings__Warehouse"] = warehouse.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }
}
