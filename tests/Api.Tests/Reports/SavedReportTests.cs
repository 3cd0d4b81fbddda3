using System.Net;
using System.Net.Http.Json;
using Governance.Api.GraphQL;
using Governance.Api.Tests.Exports;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Reports;
using Governance.Warehouse.Security;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Reports;

/// <summary>Saved reports at GET /reports/{name}.csv|.xlsx|.json over HTTP, on the two-township county, with API keys as a BI tool sends them.</summary>
public sealed class SavedReportTests : IAsyncLifetime
{
    private const string Income = """
        query VillageIncome($year: String!, $within: String, $level: AreaLevel = VILLAGE) {
          observations(indicators: ["CE_OPERATING_INCOME"], level: $level, within: $within, from: $year, to: $year, orderBy: [{ field: AREA }]) {
            nodes { area { code name } value }
          }
        }
        """;

    private const string Indicators = """
        query ($indicators: [String!]!, $from: Int!, $to: Int!) {
          growth(indicator: "CE_OPERATING_INCOME", level: TOWNSHIP, from: $from, to: $to) { areaCode cagr }
          observations(indicators: $indicators, level: COUNTY, from: "2024", to: "2024") { nodes { indicatorCode value } }
        }
        """;

    private TestWarehouse _warehouse = null!;
    private GovernanceApiFactory _api = null!;
    private HttpClient _client = null!;
    private string _countyKey = null!;
    private string _townshipKey = null!;
    private string _trustedOnlyKey = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await LoadAsync(_warehouse);
        var keys = new ApiKeyStore(_warehouse.Factory, TimeProvider.System);
        (_, _countyKey) = await keys.CreateAsync("bi", AccessRole.Analyst, [County], cancellationToken: Ct);
        (_, _townshipKey) = await keys.CreateAsync("t1", AccessRole.Analyst, [T1], cancellationToken: Ct);
        (_, _trustedOnlyKey) = await keys.CreateAsync("screen", AccessRole.Analyst, [County], trustedDocumentsOnly: true, cancellationToken: Ct);
        var reports = new SavedReportStore(_warehouse.Factory, TimeProvider.System);
        await reports.SaveAsync("village-income", "村集体经营性收入", Income, Ct);
        await reports.SaveAsync("growth", null, Indicators, Ct);
        _api = new GovernanceApiFactory(_warehouse, new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "false" });
        _client = _api.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _warehouse.DisposeAsync();
    }

    [Fact]
    public async Task AGetWithTheKeyHeaderAnswersTheReportInEachFormat()
    {
        using var csv = await GetAsync("/reports/village-income.csv?year=2024", _countyKey);
        using var xlsx = await GetAsync("/reports/village-income.xlsx?year=2024", _countyKey);
        using var json = await GetAsync("/reports/village-income.json?year=2024", _countyKey);

        var rows = ExportFiles.Csv(await BytesAsync(csv));
        Assert.Equal(["area.code", "area.name", "value"], rows[0]);
        Assert.Equal([[A, "甲村", "12"], [B, "乙村", "25"], [C, "丙村", "130"]], rows.Skip(1));
        Assert.Equal(("attachment", "village-income.csv"), (csv.Content.Headers.ContentDisposition!.DispositionType, csv.Content.Headers.ContentDisposition.FileName));
        var workbook = ExportFiles.Xlsx(await BytesAsync(xlsx));
        Assert.Equal([12.0, 25.0, 130.0], workbook["数据"].Skip(1).Select(r => (double)r[2]!));
        var about = workbook["说明"].ToDictionary(r => (string)r[0]!, r => r[1]);
        Assert.Equal("村集体经营性收入", about["标题 Title"]);
        Assert.Equal("village-income", about["报表 Report"]);
        Assert.Equal("{\"year\":\"2024\"}", about["变量 Variables"]);
        Assert.Equal([12.0, 25.0, 130.0], ExportFiles.JsonRows(await BytesAsync(json)).Select(r => r["value"].GetDouble()));
        Assert.Equal(["primary"], csv.Headers.GetValues(GraphQLEndpoint.ReadServerHeader)); // run like a GraphQL request: on one server, named
    }

    [Fact]
    public async Task VariablesComeFromTheQueryStringCoercedByTheirDeclaredTypes()
    {
        var year2023 = ExportFiles.Csv(await BytesAsync(await GetAsync("/reports/village-income.csv?year=2023&within=361100101000", _countyKey)));
        var townships = ExportFiles.Csv(await BytesAsync(await GetAsync("/reports/village-income.csv?year=2024&level=township&headings=zh", _countyKey)));
        var repeated = ExportFiles.JsonRows(await BytesAsync(await GetAsync("/reports/growth.json?indicators=CE_OPERATING_INCOME&indicators=CE_WEAK_VILLAGES&from=2023&to=2024", _countyKey)));
        var commas = ExportFiles.JsonRows(await BytesAsync(await GetAsync("/reports/growth.json?indicators=CE_OPERATING_INCOME,CE_WEAK_VILLAGES&from=2023&to=2024", _countyKey)));

        Assert.Equal([[A, "甲村", "10"], [B, "乙村", "20"]], year2023.Skip(1));
        Assert.Equal(["统计用区划代码", "名称", "数值"], townships[0]);
        Assert.Equal([[T1, "一镇", "37"], [T2, "二镇", "130"]], townships.Skip(1));
        // The first list of the growth report is growth: townships with their CAGR, 2023 to 2024 (22 to 37 for T1, 100 to 130 for T2).
        Assert.Equal([T1, T2], repeated.Select(r => r["areaCode"].GetString()));
        Assert.Equal(37.0 / 30 - 1, repeated[0]["cagr"].GetDouble(), 12);
        Assert.Equal(130.0 / 100 - 1, repeated[1]["cagr"].GetDouble(), 12);
        Assert.Equal(repeated.Select(r => r["cagr"].GetDouble()), commas.Select(r => r["cagr"].GetDouble()));
    }

    [Theory]
    [InlineData("/reports/village-income.csv", "'year' is required (String!).")]
    [InlineData("/reports/village-income.csv?year=2024&level=TOWN", "'level' is 'TOWN', not one of PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE.")]
    [InlineData("/reports/village-income.csv?year=2024&yeer=2023", "'yeer' is not a variable of report village-income; its variables are year, within, level.")]
    [InlineData("/reports/village-income.csv?year=2024&year=2023", "'year' is given 2 times; it is one String!.")]
    [InlineData("/reports/growth.csv?indicators=CE_OPERATING_INCOME&from=2023&to=next", "'to' is 'next', not an Int (a whole number).")]
    [InlineData("/reports/growth.csv?indicators=CE_OPERATING_INCOME&from=x&to=y", "'from' is 'x', not an Int (a whole number). 'to' is 'y', not an Int (a whole number).")]
    public async Task BadVariablesAreA400NamingThem(string url, string message)
    {
        using var response = await GetAsync(url, _countyKey);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("BAD_VARIABLES", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(message, json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task AVariableTheSchemaRefusesIsA400FromGraphQLAndNoFile()
    {
        using var response = await GetAsync("/reports/village-income.csv?year=2024q9", _countyKey);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_PERIOD", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/reports/no-such.csv", "No report is named 'no-such' (GET /reports lists them).")]
    [InlineData("/reports/village-income.pdf", "'village-income.pdf' names no format; ask for /reports/village-income.csv, .xlsx, .json or .ndjson.")]
    [InlineData("/reports/village-income", "'village-income' names no format; ask for /reports/village-income.csv, .xlsx, .json or .ndjson.")]
    [InlineData("/reports/Village-Income.csv", "No report is named 'Village-Income' (GET /reports lists them).")]
    public async Task AnUnknownReportOrFormatIs404(string url, string message)
    {
        using var response = await GetAsync(url, _countyKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(message, (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task WithoutAKeyItIs401AndTheAnonymousLoopbackCallerRunsItWhereAllowed()
    {
        using var none = await GetAsync("/reports/village-income.csv?year=2024", key: null);
        using var bad = await GetAsync("/reports/village-income.csv?year=2024", key: "not-a-key");
        using var list = await GetAsync("/reports", key: null);
        await using var development = new GovernanceApiFactory(_warehouse);
        using var anonymous = await development.CreateClient().GetAsync(new Uri("/reports/village-income.csv?year=2024", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(4, ExportFiles.Csv(await BytesAsync(anonymous)).Count);
    }

    [Fact]
    public async Task TheCallersScopeAppliesAndAKeyLimitedToTrustedDocumentsRunsReportsButNotItsOwnQueries()
    {
        var township = ExportFiles.Csv(await BytesAsync(await GetAsync("/reports/village-income.csv?year=2024", _townshipKey)));
        var outside = await GetAsync("/reports/village-income.csv?year=2024&within=361100102000", _townshipKey);
        var trusted = ExportFiles.Csv(await BytesAsync(await GetAsync("/reports/village-income.csv?year=2024", _trustedOnlyKey)));
        using var own = new HttpRequestMessage(HttpMethod.Post, "/graphql?format=csv") { Content = JsonContent.Create(new { query = Income, variables = new { year = "2024" } }) };
        own.Headers.Add("X-Api-Key", _trustedOnlyKey);
        using var refused = await _client.SendAsync(own, Ct);

        Assert.Equal([A, B], township.Skip(1).Select(r => r[0]));
        Assert.Equal("UNKNOWN_AREA", (await outside.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal([A, B, C], trusted.Skip(1).Select(r => r[0]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("UNTRUSTED_DOCUMENT", (await refused.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetReportsListsThemWithTheirVariablesAndUrls()
    {
        using var response = await GetAsync("/reports", _townshipKey);
        var reports = (await response.JsonAsync()).GetProperty("reports");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["growth", "village-income"], reports.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var income = reports[1];
        Assert.Equal("村集体经营性收入", income.GetProperty("title").GetString());
        Assert.Equal(
            [("year", "String!", true), ("within", "String", false), ("level", "AreaLevel", false)],
            income.GetProperty("variables").EnumerateArray().Select(v => (v.GetProperty("name").GetString(), v.GetProperty("type").GetString(), v.GetProperty("isRequired").GetBoolean())));
        Assert.Equal("/reports/village-income.xlsx", income.GetProperty("urls").GetProperty("xlsx").GetString());
    }

    [Fact]
    public async Task OnPostgreSqlAsTheApiRoleUnderRowLevelSecurityAReportAnswersTheKeysOwnRows()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        var (_, township) = await new ApiKeyStore(warehouse.Factory, TimeProvider.System).CreateAsync("t1", AccessRole.Analyst, [T1], cancellationToken: Ct);
        await new SavedReportStore(warehouse.Factory, TimeProvider.System).SaveAsync("village-income", "村集体经营性收入", Income, Ct);
        await using var role = await TestApiRole.CreateAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?>(role.Configuration) { ["Auth:AllowAnonymous"] = "false" });
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/village-income.xlsx?year=2024");
        request.Headers.Add("X-Api-Key", township);

        using var response = await client.SendAsync(request, Ct);
        var sheet = ExportFiles.Xlsx(await BytesAsync(response))["数据"];

        Assert.Equal([[A, "甲村", 12.0], [B, "乙村", 25.0]], sheet.Skip(1));
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _client.SendAsync(request, Ct);
    }

    private static async Task<byte[]> BytesAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }
}
