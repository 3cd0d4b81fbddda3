using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.Etl.Validation;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Tests.Loading;

/// <summary>A file that is not what its name says is rejected whole with what to do, not failed with a stack trace.</summary>
public sealed class UnreadableFileTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ADamagedWorkbookIsRejectedWholeWithTheReason(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.File("乡镇报表.xlsx");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251))], TestContext.Current.CancellationToken);

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal((LoadBatchStatus.Rejected, 1, RejectRule.FileUnreadable), (result.Status, result.Rejected, reject.Rule));
        Assert.Contains("not a valid Excel workbook (.xlsx)", reject.Message, StringComparison.Ordinal);
        await AssertRecordedAsync(warehouse, result.LoadBatchId!.Value, "not a valid Excel workbook (.xlsx)");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ALegacyXlsWorkbookIsRejectedWithWhatToDo(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.File("乡镇报表.xls");
        await File.WriteAllBytesAsync(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], TestContext.Current.CancellationToken); // an OLE2 compound file's header

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Rejected, RejectRule.FileUnreadable), (result.Status, Assert.Single(result.Rejects).Rule));
        await AssertRecordedAsync(warehouse, result.LoadBatchId!.Value, "save it as .xlsx or CSV");
    }

    /// <summary>The batch is Rejected with its one reject, and nothing was loaded.</summary>
    private static async Task AssertRecordedAsync(TestWarehouse warehouse, long batchId, string expected)
    {
        await using var db = warehouse.CreateDbContext();
        var batch = await db.LoadBatches.SingleAsync(b => b.LoadBatchId == batchId, TestContext.Current.CancellationToken);
        var stored = await db.LoadRejects.Where(r => r.LoadBatchId == batchId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal((LoadBatchStatus.Rejected, 1), (batch.Status, batch.RowsRejected));
        Assert.Contains(expected, Assert.Single(stored).Message, StringComparison.Ordinal);
        Assert.Empty(await Facts.AllAsync(warehouse));
    }
}
