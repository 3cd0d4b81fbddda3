using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;

namespace Governance.Api.Tests.Schema.Loading;

public sealed class LoadBatchQueriesTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task BatchesComeNewestFirstWithTheirRejectsAndWarningsPaged(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var (older, newer) = await SaveBatchesAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AnonymousRole"] = "admin" });
        using var client = api.CreateClient();

        var data = await client.DataAsync($$"""
            {
              loadBatches(first: 1) { totalCount nodes { id fileName status kind rowsRejected } pageInfo { hasNextPage } }
              loadBatch(id: "{{older}}") {
                fileName status
                rejects(first: 2) { totalCount nodes { lineNumber columnName rule rawValue message } pageInfo { hasNextPage } }
                warnings { totalCount nodes { rule areaCode periodKey indicatorCode value previousValue score } }
              }
              none: loadBatch(id: "999999") { id }
            }
            """);

        var list = data.GetProperty("loadBatches");
        Assert.Equal(2, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(newer.ToString(System.Globalization.CultureInfo.InvariantCulture), list.GetProperty("nodes")[0].GetProperty("id").GetString());
        Assert.Equal(("乡镇报表2024.csv", "LOADED", "INDICATOR_VALUES"), (list.GetProperty("nodes")[0].GetProperty("fileName").GetString(), list.GetProperty("nodes")[0].GetProperty("status").GetString(), list.GetProperty("nodes")[0].GetProperty("kind").GetString()));
        Assert.True(list.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var batch = data.GetProperty("loadBatch");
        Assert.Equal("REJECTED", batch.GetProperty("status").GetString());
        var rejects = batch.GetProperty("rejects");
        Assert.Equal(3, rejects.GetProperty("totalCount").GetInt32());
        Assert.Equal([2, 5], rejects.GetProperty("nodes").EnumerateArray().Select(r => r.GetProperty("lineNumber").GetInt32()));
        Assert.Equal(("unknown_area", "区划代码", "361102999999"), (rejects.GetProperty("nodes")[0].GetProperty("rule").GetString(), rejects.GetProperty("nodes")[0].GetProperty("columnName").GetString(), rejects.GetProperty("nodes")[0].GetProperty("rawValue").GetString()));
        Assert.True(rejects.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var warning = batch.GetProperty("warnings").GetProperty("nodes")[0];
        Assert.Equal(1, batch.GetProperty("warnings").GetProperty("totalCount").GetInt32());
        Assert.Equal((90m, 9m, 4.5), (warning.GetProperty("value").GetDecimal(), warning.GetProperty("previousValue").GetDecimal(), warning.GetProperty("score").GetDouble()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("none").ValueKind);
    }

    [Theory]
    [InlineData("operator", null, null, null, "规则 extreme_change（操作员不显示数值）/ rule extreme_change (values are not shown to operators)", "规则 value_not_a_number（操作员不显示数值）/ rule value_not_a_number (values are not shown to operators)")]
    [InlineData("admin", "十二", "90", "9", "同比变化异常", "第7行: 值不是数字")]
    public async Task AnOperatorSeesNoIndicatorValuesInWarningsOrValueRejectsButTheCodesItMustFix(string role, string? rawValue, string? value, string? previousValue, string warningMessage, string rejectMessage)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var (older, _) = await SaveBatchesAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AnonymousRole"] = role });
        using var client = api.CreateClient();

        var batch = (await client.DataAsync($$"""
            {
              loadBatch(id: "{{older}}") {
                rejects { nodes { rule rawValue message } }
                warnings { nodes { rule value previousValue score message } }
              }
            }
            """)).GetProperty("loadBatch");

        var rejects = batch.GetProperty("rejects").GetProperty("nodes").EnumerateArray().ToDictionary(r => r.GetProperty("rule").GetString()!);
        var warning = batch.GetProperty("warnings").GetProperty("nodes")[0];
        Assert.Equal((rawValue, rejectMessage), (Text(rejects["value_not_a_number"].GetProperty("rawValue")), rejects["value_not_a_number"].GetProperty("message").GetString()));
        Assert.Equal(("361102999999", "第2行: 未知区划"), (rejects["unknown_area"].GetProperty("rawValue").GetString(), rejects["unknown_area"].GetProperty("message").GetString()));
        Assert.Equal((value, previousValue, warningMessage), (Text(warning.GetProperty("value")), Text(warning.GetProperty("previousValue")), warning.GetProperty("message").GetString()));
        Assert.Equal(4.5, warning.GetProperty("score").GetDouble());

        static string? Text(System.Text.Json.JsonElement e) => e.ValueKind == System.Text.Json.JsonValueKind.Null ? null : e.ToString();
    }

    [Fact]
    public async Task AnAnalystMayNotReadLoadBatches()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AnonymousRole"] = "analyst" });
        using var client = api.CreateClient();

        using var response = await client.SendQueryAsync("{ loadBatches { totalCount } }");
        var json = await response.JsonAsync();

        Assert.Equal("FORBIDDEN", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static async Task<(long Older, long Newer)> SaveBatchesAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        var older = new LoadBatch { FileName = "村报表2023.csv", FileSha256 = new string('a', 64), Kind = LoadBatchKind.IndicatorValues, Status = LoadBatchStatus.Rejected, RowsRead = 9, RowsRejected = 3, StartedAt = DateTimeOffset.UnixEpoch };
        var newer = new LoadBatch { FileName = "乡镇报表2024.csv", FileSha256 = new string('b', 64), Kind = LoadBatchKind.IndicatorValues, Status = LoadBatchStatus.Loaded, RowsRead = 4, RowsInserted = 4, StartedAt = DateTimeOffset.UnixEpoch.AddDays(1) };
        db.LoadBatches.AddRange(older, newer);
        await db.SaveChangesAsync();
        db.LoadRejects.AddRange(
            new LoadReject { LoadBatchId = older.LoadBatchId, LineNumber = 7, Rule = "value_not_a_number", RawValue = "十二", Message = "第7行: 值不是数字" },
            new LoadReject { LoadBatchId = older.LoadBatchId, LineNumber = 2, ColumnName = "区划代码", Rule = "unknown_area", RawValue = "361102999999", Message = "第2行: 未知区划" },
            new LoadReject { LoadBatchId = older.LoadBatchId, LineNumber = 5, Rule = "duplicate_row", Message = "第5行: 重复" });
        db.LoadWarnings.Add(new LoadWarning { LoadBatchId = older.LoadBatchId, Rule = "extreme_change", AreaCode = "361102101200", PeriodKey = "2023", IndicatorCode = "CE_OPERATING_INCOME", Value = 90, PreviousValue = 9, Score = 4.5, Message = "同比变化异常" });
        await db.SaveChangesAsync();
        return (older.LoadBatchId, newer.LoadBatchId);
    }
}
