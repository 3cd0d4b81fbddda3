using Governance.Etl.Loading;
using Governance.Etl.Readers;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Readers;

/// <summary>Each bound of <c>Etl:Limits</c>, lowered to prove its edge: at the bound a file loads, one past it is Rejected (never Failed).</summary>
public sealed class ReadLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AWorkbookCellAtTheBoundLoadsAndOneCharacterMoreIsRejectedNamingTheSetting(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var limits = new LoadingOptions { Limits = new ReadLimits { MaxCellCharacters = 40 } };
        Workbook.Write(folder.File("at.xlsx"), ("报表", [[new string('标', 40)], ["area_code", "period", "indicator", "value"], [V1, "2023", "CE_TOTAL_INCOME", 20]]));
        Workbook.Write(folder.File("past.xlsx"), ("报表", [[new string('标', 41)], ["area_code", "period", "indicator", "value"], [V1, "2024", "CE_TOTAL_INCOME", 21]]));

        var at = await Loaders.Indicators(warehouse, limits).LoadAsync(folder.File("at.xlsx"), LoadOptions.Default, Ct);
        var past = await Loaders.Indicators(warehouse, limits).LoadAsync(folder.File("past.xlsx"), LoadOptions.Default, Ct);

        Assert.Equal((LoadBatchStatus.Loaded, LoadBatchStatus.Rejected), (at.Status, past.Status));
        var reject = Assert.Single(past.Rejects);
        Assert.Equal("file_too_large", reject.Rule);
        Assert.Contains("sheet 报表, row 1, column 1 has 41 characters; the limit is 40 (setting Etl:Limits:MaxCellCharacters)", reject.Message, StringComparison.Ordinal);
        Assert.Equal([V1 + " 2023 CE_TOTAL_INCOME 20"], await Facts.AllAsync(warehouse));
        await AssertBatchAsync(warehouse, past.LoadBatchId!.Value, "past.xlsx", "file_too_large");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ACsvRowWiderThanTheColumnBoundIsRejectedNamingTheSetting(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var limits = new LoadingOptions { Limits = new ReadLimits { MaxColumns = 4 } };

        var at = await Loaders.Indicators(warehouse, limits).LoadAsync(folder.Write("at.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20")), LoadOptions.Default, Ct);
        var past = await Loaders.Indicators(warehouse, limits).LoadAsync(folder.Write("past.csv", LongFile(V1 + ",2024,CE_TOTAL_INCOME,21,note")), LoadOptions.Default, Ct);

        Assert.Equal((LoadBatchStatus.Loaded, LoadBatchStatus.Rejected), (at.Status, past.Status));
        Assert.Contains("line 2 has 5 columns; the limit is 4 (setting Etl:Limits:MaxColumns)", Assert.Single(past.Rejects).Message, StringComparison.Ordinal);
        await AssertBatchAsync(warehouse, past.LoadBatchId!.Value, "past.csv", "file_too_large");
    }

    [Fact]
    public async Task AWorkbookPastTheRowBoundIsRejectedAtTheFirstRowPastIt()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var limits = new LoadingOptions { Limits = new ReadLimits { MaxRows = 3 } };
        object[] header = ["area_code", "period", "indicator", "value"];
        Workbook.Write(folder.File("at.xlsx"), ("s", [header, [V1, "2023", "CE_TOTAL_INCOME", 20], [V1, "2022", "CE_TOTAL_INCOME", 19]]));
        Workbook.Write(folder.File("past.xlsx"), ("s", [header, [V1, "2023", "CE_TOTAL_INCOME", 20], [V1, "2022", "CE_TOTAL_INCOME", 19], [V1, "2021", "CE_TOTAL_INCOME", 18]]));

        var at = await Loaders.Indicators(warehouse, limits).LoadAsync(folder.File("at.xlsx"), LoadOptions.Default, Ct);
        var past = await Loaders.Indicators(warehouse, limits).LoadAsync(folder.File("past.xlsx"), LoadOptions.Default, Ct);

        Assert.Equal((LoadBatchStatus.Loaded, 2, LoadBatchStatus.Rejected), (at.Status, at.RowsRead, past.Status));
        Assert.Contains("sheet s has more than 3 rows; the limit is 3 (setting Etl:Limits:MaxRows)", Assert.Single(past.Rejects).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartThatInflatesPastWhatItsHeaderDeclaresIsRejectedNotFailed()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        var path = folder.File("lies.xlsx");
        PoisonFiles.HugeCell(path, 3 << 20);
        LieAboutSizes(path, "xl/worksheets/sheet1.xml", declared: 1000);
        var limits = new LoadingOptions { Limits = new ReadLimits { MaxPartBytes = 1 << 20, MaxCellCharacters = 10 << 20 } };

        var result = await Loaders.Indicators(warehouse, limits).LoadAsync(path, LoadOptions.Default, Ct);

        var reject = Assert.Single(result.Rejects);
        // The header says 1,000 bytes, under the bound: .NET's inflater stops at the declared size, the sheet's XML ends
        // mid-cell and the workbook is damaged (the bytes counted while inflating guard an inflater that would trust the data).
        Assert.Equal((LoadBatchStatus.Rejected, "file_unreadable"), (result.Status, reject.Rule));
        Assert.Contains("the workbook is damaged and cannot be read", reject.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASettingThatCannotWorkStopsStartUpNamingIt()
    {
        var error = Assert.Throws<WarehouseConfigurationException>(() => EtlHost.Build(["--Etl:Limits:MaxRows=0", "--Warehouse:Provider=Sqlite", "--ConnectionStrings:Warehouse=Data Source=unused.db"]));

        Assert.Contains("Setting Etl:Limits:MaxRows is 0; it must be at least 1.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheBatchRecordsTheFileNameAloneAndTheSameBytesFromAnotherFolderAreStillSkipped(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        Directory.CreateDirectory(folder.File("again"));
        var text = LongFile(V1 + ",2023,CE_TOTAL_INCOME,20");

        var first = await Loaders.Indicators(warehouse).LoadAsync(folder.Write("乡镇.csv", text), LoadOptions.Default, Ct);
        var second = await Loaders.Indicators(warehouse).LoadAsync(folder.Write("again/copy.csv", text), LoadOptions.Default, Ct);

        Assert.Equal((LoadBatchStatus.Loaded, LoadBatchStatus.Skipped), (first.Status, second.Status));
        Assert.Equal(folder.File("乡镇.csv"), first.FileName); // the operator's own output keeps the path
        await using var db = warehouse.CreateDbContext();
        Assert.Equal(["areas.csv", "乡镇.csv", "copy.csv"], await db.LoadBatches.OrderBy(b => b.LoadBatchId).Select(b => b.FileName).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ALinkOrAPipeIsRefusedWithoutOpeningItOrRecordingABatch(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var link = folder.File("link.csv");
        File.CreateSymbolicLink(link, folder.Write("target.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20")));
        var pipe = folder.File("pipe.csv");
        PoisonFiles.Fifo(pipe);

        var linked = await Loaders.Indicators(warehouse).LoadAsync(link, LoadOptions.Default, Ct);
        var piped = await Loaders.Indicators(warehouse).LoadAsync(pipe, LoadOptions.Default, Ct);

        Assert.Equal((LoadBatchStatus.Rejected, (long?)null, "file_not_regular"), (linked.Status, linked.LoadBatchId, Assert.Single(linked.Rejects).Rule));
        Assert.Equal((LoadBatchStatus.Rejected, (long?)null, "file_not_regular"), (piped.Status, piped.LoadBatchId, Assert.Single(piped.Rejects).Rule));
        Assert.Contains("not a regular file (符号链接 a symbolic link)", linked.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file (命名管道 a named pipe (FIFO))", piped.Message, StringComparison.Ordinal);
        Assert.Empty(await Facts.AllAsync(warehouse));
        await using var db = warehouse.CreateDbContext();
        Assert.Equal(1, await db.LoadBatches.CountAsync(Ct)); // the area list only
    }

    private static async Task AssertBatchAsync(TestWarehouse warehouse, long batchId, string fileName, string rule)
    {
        await using var db = warehouse.CreateDbContext();
        var batch = await db.LoadBatches.SingleAsync(b => b.LoadBatchId == batchId, Ct);
        var stored = await db.LoadRejects.Where(r => r.LoadBatchId == batchId).Select(r => r.Rule).ToListAsync(Ct);
        Assert.Equal((fileName, LoadBatchStatus.Rejected, rule), (batch.FileName, batch.Status, Assert.Single(stored)));
    }

    /// <summary>Rewrites the uncompressed size of a zip entry in its local header and in the central directory.</summary>
    private static void LieAboutSizes(string path, string entry, uint declared)
    {
        var bytes = File.ReadAllBytes(path);
        var name = System.Text.Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 4 < bytes.Length; i++)
        {
            var local = bytes.AsSpan(i).StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) && bytes.AsSpan(i + 30).StartsWith(name);
            var central = bytes.AsSpan(i).StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x01, 0x02]) && bytes.AsSpan(i + 46).StartsWith(name);
            if (local || central)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + (local ? 22 : 24), 4), declared);
            }
        }

        File.WriteAllBytes(path, bytes);
    }
}
