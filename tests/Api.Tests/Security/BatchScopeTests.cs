using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.Etl.Loading;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Governance.Api.Tests.Security;

/// <summary>
/// A scoped key sees every batch whose file named only areas of its scope, whatever became of the batch (rejected,
/// failed, area lists and targets included), and none naming an area beyond it; on PostgreSQL also as the non-owner
/// role, where the row-level security policy decides alone.
/// </summary>
public sealed class BatchScopeTests
{
    private const string Prefecture = "361100000000";
    private const string X = "361124000000";
    private const string XT1 = "361124101000";
    private const string XT2 = "361124102000";
    private const string XA = "361124101200";
    private const string XB = "361124102200";
    private const string Y = "361125000000";
    private const string YT = "361125101000";
    private const string YA = "361125101200";
    private const string Income = "CE_OPERATING_INCOME";
    private const string Query = "{ loadBatches(first: 50) { totalCount nodes { fileName status kind } } }";

    // Every batch of the scenario, with the common prefix of the codes its file named (worked out by hand).
    private static readonly string[] XCounty = ["areas-x.csv LOADED AREAS", "x-failed.csv FAILED INDICATOR_VALUES", "x-loaded-before.csv LOADED INDICATOR_VALUES", "x-t1-rejected.csv REJECTED INDICATOR_VALUES", "x-targets.csv LOADED TARGETS"];
    private static readonly string[] XTownship1 = ["x-loaded-before.csv LOADED INDICATOR_VALUES", "x-t1-rejected.csv REJECTED INDICATOR_VALUES"];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ACountyAdminSeesEveryBatchOfItsCountyAndATownshipOperatorOnlyThoseOfItsTownship(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFiles();
        await LoadScenarioAsync(warehouse, folder);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var (_, countyAdmin) = await store.CreateAsync("x-admin", AccessRole.Admin, [X], cancellationToken: Ct);
        var (_, townshipOperator) = await store.CreateAsync("t1-operator", AccessRole.Operator, [XT1], cancellationToken: Ct);
        var (_, neighbourAdmin) = await store.CreateAsync("y-admin", AccessRole.Admin, [Y], cancellationToken: Ct);
        await using var role = provider == WarehouseProvider.Postgres ? await TestApiRole.CreateAsync(warehouse) : null;
        var settings = new Dictionary<string, string?>(role?.Configuration ?? new Dictionary<string, string?>()) { ["Auth:AllowAnonymous"] = "false" };
        await using var api = new GovernanceApiFactory(warehouse, settings);
        using var client = api.CreateClient();

        var county = await PostAsync(client, countyAdmin);
        var township = await PostAsync(client, townshipOperator);
        var neighbour = await PostAsync(client, neighbourAdmin);

        Assert.Equal(5, county.Count);
        Assert.Equal(XCounty, county.Batches);
        Assert.Equal(2, township.Count);
        Assert.Equal(XTownship1, township.Batches);
        Assert.Equal(1, neighbour.Count);
        Assert.Equal(["y-rejected.csv REJECTED INDICATOR_VALUES"], neighbour.Batches);
    }

    [Fact]
    public async Task ThePostgresPolicyAloneShowsAScopeTheBatchesNamingOnlyItsAreas()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        using var folder = new TempFiles();
        await LoadScenarioAsync(warehouse, folder);
        await using var role = await TestApiRole.CreateAsync(warehouse);

        // db.LoadBatches, not VisibleLoadBatches: no filter of the application's, only the policy on etl_load_batch.
        AccessScope.Current = AccessScope.Within(AccessRole.Admin, [X]);
        try
        {
            await using var db = role.Factory.CreateDbContext();
            var names = (await db.LoadBatches.Select(b => b.FileName).ToListAsync(Ct)).Order(StringComparer.Ordinal);
            var rejects = await db.LoadRejects.CountAsync(Ct);

            Assert.Equal(XCounty.Select(b => b.Split(' ')[0]), names);
            Assert.Equal(1, rejects); // the one reject of x-t1-rejected.csv; y-rejected.csv's is hidden with its batch
        }
        finally
        {
            AccessScope.Current = null;
        }
    }

    /// <summary>
    /// Eight batches: the prefecture's own area list (prefix 361100000000), X's (361124) and Y's (361125, its prefix then
    /// cleared as if loaded before the column existed: no facts, so no scope sees it); a rejected report of X's T1
    /// (361124101200), a failed one spanning X's townships (36112410), X's targets (36112410), a rejected report of Y
    /// (361125101200), and a loaded report of XA whose prefix is cleared (its facts, all in T1, keep it visible).
    /// </summary>
    private static async Task LoadScenarioAsync(TestWarehouse warehouse, TempFiles folder)
    {
        var areas = new AreaFileLoader(warehouse.Factory, NullLogger<AreaFileLoader>.Instance);
        var reports = new IndicatorFileLoader(warehouse.Factory, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance);
        var targets = new TargetFileLoader(warehouse.Factory, NullLogger<TargetFileLoader>.Instance);
        const string AreaHeader = "code,name,urban_rural\n";
        Assert.Equal(LoadBatchStatus.Loaded, (await areas.LoadAsync(folder.Write("areas-prefecture.csv", AreaHeader + $"{Prefecture},市,\n"), LoadOptions.Default, Ct)).Status);
        Assert.Equal(LoadBatchStatus.Loaded, (await areas.LoadAsync(folder.Write("areas-x.csv", AreaHeader + $"{X},甲县,\n{XT1},一镇,\n{XT2},二镇,\n{XA},甲村,220\n{XB},乙村,220\n"), LoadOptions.Default, Ct)).Status);
        var areasY = await areas.LoadAsync(folder.Write("areas-y.csv", AreaHeader + $"{Y},乙县,\n{YT},三镇,\n{YA},丙村,220\n"), LoadOptions.Default, Ct);
        Assert.Equal(LoadBatchStatus.Loaded, areasY.Status);
        Assert.Equal(LoadBatchStatus.Rejected, (await reports.LoadAsync(folder.Write("x-t1-rejected.csv", Long($"{XA},2024,{Income},十二")), LoadOptions.Default, Ct)).Status);
        using (var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            // Cancelled once the file is read: the batch ends Failed, its areas known.
            var options = LoadOptions.Default with { Progress = new CancelOnProgress(cancel) };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reports.LoadAsync(folder.Write("x-failed.csv", Long($"{XA},2024,{Income},12", $"{XB},2024,{Income},30")), options, cancel.Token));
        }

        Assert.Equal(LoadBatchStatus.Loaded, (await targets.LoadAsync(folder.Write("x-targets.csv", $"area_code,indicator,period,target\n{XA},{Income},2024,15\n{XB},{Income},2024,40\n"), LoadOptions.Default, Ct)).Status);
        Assert.Equal(LoadBatchStatus.Rejected, (await reports.LoadAsync(folder.Write("y-rejected.csv", Long($"{YA},2024,{Income},x")), LoadOptions.Default, Ct)).Status);
        var before = await reports.LoadAsync(folder.Write("x-loaded-before.csv", Long($"{XA},2023,{Income},10")), LoadOptions.Default, Ct);
        Assert.Equal(LoadBatchStatus.Loaded, before.Status);
        await using var db = warehouse.CreateDbContext();
        var prefixes = await db.LoadBatches.OrderBy(b => b.LoadBatchId).Select(b => b.FileName + " " + b.Status + " " + b.AreaCodePrefix).ToListAsync(Ct);
        Assert.Equal(
            [
                "areas-prefecture.csv Loaded 361100000000", "areas-x.csv Loaded 361124", "areas-y.csv Loaded 361125", "x-t1-rejected.csv Rejected 361124101200",
                "x-failed.csv Failed 36112410", "x-targets.csv Loaded 36112410", "y-rejected.csv Rejected 361125101200", "x-loaded-before.csv Loaded 361124101200",
            ],
            prefixes);
        await db.LoadBatches.Where(b => b.LoadBatchId == before.LoadBatchId || b.LoadBatchId == areasY.LoadBatchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.AreaCodePrefix, (string?)null), Ct);
    }

    private static string Long(params string[] rows) => "area_code,period,indicator,value\n" + string.Join("\n", rows) + "\n";

    private static async Task<(int Count, string[] Batches)> PostAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var body = JsonNode.Parse(text)!;
        Assert.True(response.IsSuccessStatusCode && body["errors"] is null, text);
        var batches = body["data"]!["loadBatches"]!;
        return ((int)batches["totalCount"]!, [.. batches["nodes"]!.AsArray().Select(n => $"{n!["fileName"]} {n["status"]} {n["kind"]}").Order(StringComparer.Ordinal)]);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class CancelOnProgress(CancellationTokenSource source) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value)
        {
            if (value.BytesRead == value.TotalBytes)
            {
                source.Cancel();
            }
        }
    }

    private sealed class TempFiles : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("governance-batchscope-").FullName;

        public string Write(string name, string text)
        {
            var file = Path.Combine(_path, name);
            File.WriteAllText(file, text);
            return file;
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
