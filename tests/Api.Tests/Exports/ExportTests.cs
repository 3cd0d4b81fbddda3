using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Exports;

/// <summary>
/// Answers as tables over HTTP, on the two-township county: CSV, XLSX and JSON rows hold exactly the numbers of the JSON
/// answer (read back by an independent CSV reader, the Open XML SDK with its validator, and LibreOffice Calc).
/// </summary>
public sealed class ExportTests : IAsyncLifetime
{
    internal const string Observations = """
        { observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "2023", to: "2024", orderBy: [{ field: AREA }, { field: PERIOD }], first: 100) {
            totalCount nodes { area { code name } period { key label } value yoyGrowth reportingUnits } } }
        """;

    internal const string Bands = """
        { distribution(indicator: "CE_OPERATING_INCOME", period: "2024", within: "361100000000", bands: [15, 50]) { count gini bands { label lower upper count } } }
        """;

    internal const string Growth = """
        { growth(indicator: "CE_OPERATING_INCOME", level: VILLAGE, from: 2023, to: 2024) { area { code name } cagr points { year value } } }
        """;

    private static readonly DateTimeOffset LoadedAt = new(2024, 11, 30, 8, 15, 0, TimeSpan.Zero);

    private TestWarehouse _warehouse = null!;
    private GovernanceApiFactory _api = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await LoadAsync(_warehouse);
        await using (var db = _warehouse.CreateDbContext())
        {
            db.LoadBatches.Add(new LoadBatch { FileName = "late.csv", FileSha256 = new string('a', 64), Status = LoadBatchStatus.Loaded, Kind = LoadBatchKind.IndicatorValues, StartedAt = LoadedAt.AddMinutes(-1), FinishedAt = LoadedAt });
            await db.SaveChangesAsync(Ct);
        }

        _api = new GovernanceApiFactory(_warehouse);
        _client = _api.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _warehouse.DisposeAsync();
    }

    /// <summary>The rows of the JSON answer to <see cref="Observations"/>, flattened by hand: the expected table.</summary>
    private async Task<List<object?[]>> ObservationRowsAsync()
    {
        var data = await _client.DataAsync(Observations);
        return [.. data.GetProperty("observations").GetProperty("nodes").EnumerateArray().Select(n => new object?[]
        {
            n.GetProperty("area").GetProperty("code").GetString(), n.GetProperty("area").GetProperty("name").GetString(),
            n.GetProperty("period").GetProperty("key").GetString(), n.GetProperty("period").GetProperty("label").GetString(),
            Number(n.GetProperty("value")), Number(n.GetProperty("yoyGrowth")), Number(n.GetProperty("reportingUnits")),
        })];
    }

    [Fact]
    public async Task ObservationsWithNestedAreaAndPeriodHoldTheNumbersOfTheJsonAnswerInEveryFormat()
    {
        var expected = await ObservationRowsAsync();
        string[] header = ["area.code", "area.name", "period.key", "period.label", "value", "yoyGrowth", "reportingUnits"];
        // Independent of the JSON answer: A, B, C each 2023 and 2024, values as loaded, growth 12/10 - 1 etc.
        Assert.Equal(6, expected.Count);
        Assert.Equal([10.0, 12.0, 20.0, 25.0, 100.0, 130.0], expected.Select(r => (double)r[4]!));
        Assert.Equal([null, 0.2, null, 0.25, null, 0.3], expected.Select(r => r[5] is double growth ? Math.Round(growth, 12) : (double?)null));

        var csv = ExportFiles.Csv(await BytesAsync(await PostAsync(Observations, "format=csv")));
        var xlsx = ExportFiles.Xlsx(await BytesAsync(await PostAsync(Observations, "format=xlsx")))["数据"];
        var json = ExportFiles.JsonRows(await BytesAsync(await PostAsync(Observations, "format=json")));

        Assert.Equal(header, csv[0]);
        Assert.Equal(expected, csv.Skip(1).Select(r => Typed(r, textColumns: 4)));
        Assert.Equal(header, xlsx[0]);
        Assert.Equal(expected, xlsx.Skip(1).Select(r => Pad(r, header.Length)));
        Assert.Equal(header, json[0].Keys);
        Assert.Equal(expected, json.Select(r => header.Select(h => Json(r[h])).ToArray()));
        Assert.Equal("甲村", csv[1][1]);
        Assert.Equal("2023年", csv[1][3]);
    }

    [Fact]
    public async Task DistributionBandsAndGrowthPointsAreTablesWithTheNumbersOfTheJsonAnswer()
    {
        var bands = (await _client.DataAsync(Bands)).GetProperty("distribution").GetProperty("bands").EnumerateArray()
            .Select(b => new object?[] { b.GetProperty("label").GetString(), Number(b.GetProperty("lower")), Number(b.GetProperty("upper")), Number(b.GetProperty("count")) })
            .ToList();
        // Incomes 12, 25, 130 in [15, 50): one below, one inside, one above.
        Assert.Equal([1.0, 1.0, 1.0], bands.Select(b => (double)b[3]!));
        var growth = (await _client.DataAsync(Growth)).GetProperty("growth").EnumerateArray()
            .SelectMany(g => g.GetProperty("points").EnumerateArray().Select(p => new object?[]
            {
                g.GetProperty("area").GetProperty("code").GetString(), g.GetProperty("area").GetProperty("name").GetString(),
                Number(g.GetProperty("cagr")), Number(p.GetProperty("year")), Number(p.GetProperty("value")),
            }))
            .ToList();
        Assert.Equal(6, growth.Count);

        var bandCsv = ExportFiles.Csv(await BytesAsync(await PostAsync(Bands, "format=csv")));
        var bandXlsx = ExportFiles.Xlsx(await BytesAsync(await PostAsync(Bands, "format=xlsx")))["数据"];
        var bandJson = ExportFiles.JsonRows(await BytesAsync(await PostAsync(Bands, "format=json")));
        var growthCsv = ExportFiles.Csv(await BytesAsync(await PostAsync(Growth, "format=csv")));
        var growthXlsx = ExportFiles.Xlsx(await BytesAsync(await PostAsync(Growth, "format=xlsx")))["数据"];
        var growthJson = ExportFiles.JsonRows(await BytesAsync(await PostAsync(Growth, "format=json")));

        string[] bandHeader = ["label", "lower", "upper", "count"];
        Assert.Equal(bandHeader, bandCsv[0]);
        Assert.Equal(bands, bandCsv.Skip(1).Select(r => Typed(r, textColumns: 1)));
        Assert.Equal(bands, bandXlsx.Skip(1).Select(r => Pad(r, 4)));
        Assert.Equal(bands, bandJson.Select(r => bandHeader.Select(h => Json(r[h])).ToArray()));
        string[] growthHeader = ["area.code", "area.name", "cagr", "points.year", "points.value"];
        Assert.Equal(growthHeader, growthCsv[0]);
        Assert.Equal(growth, growthCsv.Skip(1).Select(r => Typed(r, textColumns: 2)));
        Assert.Equal(growth, growthXlsx.Skip(1).Select(r => Pad(r, 5)));
        Assert.Equal(growth, growthJson.Select(r => growthHeader.Select(h => Json(r[h])).ToArray()));
    }

    [Fact]
    public async Task LibreOfficeOpensTheWorkbookWithTheSameNumbersAndTheChineseIntact()
    {
        var expected = await ObservationRowsAsync();
        var xlsx = await BytesAsync(await PostAsync(Observations, "format=xlsx&headings=zh"));

        var calc = await ExportFiles.LibreOfficeCsvAsync(xlsx, Ct);

        Assert.Equal(["统计用区划代码", "名称", "统计期代码", "统计期名称", "数值", "同比增长", "已报单位数"], calc[0]);
        Assert.Equal(expected, calc.Skip(1).Select(r => Typed(r, textColumns: 4)));
        Assert.Equal(["甲村", "甲村", "乙村", "乙村", "丙村", "丙村"], calc.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public async Task TheWorkbookHasAFrozenHeaderWidthsAndASheetWithTheQueryAndTheWarehouseTime()
    {
        var bytes = await BytesAsync(await PostAsync("query VillageIncome " + Observations.Trim(), "format=xlsx"));

        var (frozenAt, widths) = ExportFiles.XlsxLayout(bytes);
        var about = ExportFiles.Xlsx(bytes)["说明"].ToDictionary(r => (string)r[0]!, r => r[1]);

        Assert.Equal("A2", frozenAt);
        Assert.Equal(7, widths.Count);
        Assert.All(widths, w => Assert.InRange(w, 8, 60));
        Assert.True(widths[0] >= "361100101200".Length, $"area.code is {widths[0]} wide");
        Assert.Equal("VillageIncome", about["标题 Title"]);
        await using var db = _warehouse.CreateDbContext();
        await db.Database.OpenConnectionAsync(Ct);
        var version = (await Sql.ColumnAsync(db.Database.GetDbConnection(), "SELECT version FROM warehouse_version WHERE id = 1")).Single();
        Assert.Equal($"2024-11-30 08:15:00 UTC (最新入库批次 newest load), 仓库版本 warehouse version {version}", about["数据截至 Warehouse as of"]);
        Assert.Equal(6.0, about["行数 Rows"]);
        Assert.Contains("CE_OPERATING_INCOME", (string)about["查询 Query"]!, StringComparison.Ordinal);
        Assert.Equal("admin: 全部区划 every area", about["范围 Scope"]);
    }

    [Fact]
    public async Task Utf8CarriesAByteOrderMarkAndGb18030OnRequestHasTheSameTextInGb18030Bytes()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var utf8Response = await PostAsync(Observations, "format=csv");
        using var gbResponse = await PostAsync(Observations, "format=csv&charset=gb18030");
        using var acceptResponse = await PostAsync(Observations, null, "text/csv; charset=GB18030");
        var utf8 = await BytesAsync(utf8Response);
        var gb = await BytesAsync(gbResponse);

        Assert.Equal([0xEF, 0xBB, 0xBF], utf8[..3]);
        Assert.Equal("text/csv; charset=utf-8; header=present", utf8Response.Content.Headers.ContentType!.ToString());
        Assert.Equal("text/csv; charset=gb18030; header=present", gbResponse.Content.Headers.ContentType!.ToString());
        Assert.Equal("area.code,", Encoding.ASCII.GetString(gb, 0, 10)); // no byte order mark
        var text = Encoding.UTF8.GetString(utf8, 3, utf8.Length - 3);
        Assert.Equal(Encoding.GetEncoding("GB18030").GetBytes(text), gb);
        Assert.Equal(gb, await BytesAsync(acceptResponse));
        // 甲村 in GB18030 (the GB2312 range): 甲 BC D7, 村 B4 E5.
        Assert.True(gb.AsSpan().IndexOf(new byte[] { 0xBC, 0xD7, 0xB4, 0xE5 }) > 0);
    }

    [Theory]
    [InlineData(null, "text/csv", "text/csv; charset=utf-8; header=present")]
    [InlineData(null, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(null, "application/x-ndjson", "application/x-ndjson; charset=utf-8")]
    [InlineData(null, "application/json;q=0.5, text/csv", "text/csv; charset=utf-8; header=present")]
    [InlineData(null, "text/csv;q=0.5, application/json", "application/json; charset=utf-8")]
    [InlineData("format=json", "application/graphql-response+json", "application/json; charset=utf-8")]
    [InlineData("format=CSV", "text/html,*/*", "text/csv; charset=utf-8; header=present")]
    public async Task TheFormatParameterOrAcceptChoosesTheTable(string? parameters, string accept, string expected)
    {
        using var response = await PostAsync(Observations, parameters, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task GetWithAFormatParameterAnswersTheTableEvenToABrowserAndNdjsonIsALinePerRow()
    {
        var url = $"/graphql?query={Uri.EscapeDataString(Observations)}&format=ndjson&headings=zh";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        using var response = await _client.SendAsync(request, Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("甲村", first.RootElement.GetProperty("名称").GetString());
        Assert.Equal(10, first.RootElement.GetProperty("数值").GetDouble());
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("同比增长").ValueKind);
    }

    [Theory]
    [InlineData("format=csv")]
    [InlineData("format=xlsx")]
    [InlineData("format=json")]
    public async Task AQueryWithErrorsIsTheGraphQLErrorAnswerNeverAFile(string parameters)
    {
        using var unknown = await PostAsync("""{ observations(indicators: ["NO_SUCH"], level: VILLAGE, from: "2024", to: "2024") { nodes { value } } }""", parameters);
        using var syntax = await PostAsync("{ observations(", parameters);
        using var field = await PostAsync("{ areas { nodes { noSuchField } } }", parameters);
        using var mutation = await _client.GetAsync(new Uri($"/graphql?query={Uri.EscapeDataString("mutation { x }")}&{parameters}", UriKind.Relative), Ct);

        foreach (var (response, status) in new[] { (unknown, HttpStatusCode.BadRequest), (syntax, HttpStatusCode.BadRequest), (field, HttpStatusCode.BadRequest), (mutation, HttpStatusCode.MethodNotAllowed) })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Null(response.Content.Headers.ContentDisposition);
            var json = await response.JsonAsync();
            Assert.True(json.GetProperty("errors").GetArrayLength() > 0);
        }

        Assert.Equal("UNKNOWN_INDICATOR", (await unknown.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task BadExportParametersAreA400NamingThem()
    {
        using var format = await PostAsync(Observations, "format=pdf");
        using var headings = await PostAsync(Observations, "format=csv&headings=fr");
        using var charset = await PostAsync(Observations, "format=csv&charset=latin1");
        using var sideBySide = await PostAsync("{ areas { nodes { code children { code } replaces { code } } } }", "format=csv");

        Assert.Contains("'format' parameter is 'pdf'", await Message(format), StringComparison.Ordinal);
        Assert.Contains("'headings' parameter is 'fr'", await Message(headings), StringComparison.Ordinal);
        Assert.Contains("'charset' is 'latin1'", await Message(charset), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sideBySide.StatusCode);
        Assert.Contains("'children' and 'replaces'", await Message(sideBySide), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastTheRowCapTheAnswerIsAClearErrorAndNoFile()
    {
        await using var capped = new GovernanceApiFactory(_warehouse, new Dictionary<string, string?> { ["Api:Exports:MaxRows"] = "5" });
        using var client = capped.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql?format=xlsx") { Content = JsonContent.Create(new { query = Observations }) };

        using var response = await client.SendAsync(request, Ct);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("TOO_MANY_ROWS", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("The table has 6 rows; at most 5 may be exported at once (Api:Exports:MaxRows). Ask for less (within, from and to, first), or page with first and after.", json.GetProperty("errors")[0].GetProperty("message").GetString());
        using var five = await client.PostAsync(new Uri("/graphql?format=csv", UriKind.Relative), JsonContent.Create(new { query = Observations.Replace("from: \"2023\"", "from: \"2024\"", StringComparison.Ordinal) }), Ct);
        Assert.Equal(HttpStatusCode.OK, five.StatusCode);
    }

    [Fact]
    public async Task ATownshipKeySeesOnlyItsTownshipInEveryFormat()
    {
        var (_, key) = await new ApiKeyStore(_warehouse.Factory, TimeProvider.System).CreateAsync("t1", AccessRole.Analyst, [T1], cancellationToken: Ct);
        await using var production = new GovernanceApiFactory(_warehouse, new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "false" });
        using var client = production.CreateClient();
        const string All = """
            { observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "2023", to: "2024", orderBy: [{ field: AREA }, { field: PERIOD }]) {
                nodes { area { code name parent { code name } } value } } }
            """;

        foreach (var format in new[] { "csv", "xlsx", "json", "ndjson" })
        {
            using var anonymous = new HttpRequestMessage(HttpMethod.Post, $"/graphql?format={format}") { Content = JsonContent.Create(new { query = All }) };
            using var refused = await client.SendAsync(anonymous, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

            using var request = new HttpRequestMessage(HttpMethod.Post, $"/graphql?format={format}") { Content = JsonContent.Create(new { query = All }) };
            request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request, Ct);
            var bytes = await BytesAsync(response);
            var text = format == "xlsx" ? XlsxText(bytes) : Encoding.UTF8.GetString(bytes);

            Assert.DoesNotContain("361100102", text, StringComparison.Ordinal);
            Assert.DoesNotContain("二镇", text, StringComparison.Ordinal);
            Assert.DoesNotContain("丙村", text, StringComparison.Ordinal);
            Assert.Contains("甲村", text, StringComparison.Ordinal);
            Assert.Contains("乙村", text, StringComparison.Ordinal);
            Assert.DoesNotContain("361100000000", text, StringComparison.Ordinal); // the county lies outside: the parent of T1 is null, and so is the county's code
        }

        using var csvRequest = new HttpRequestMessage(HttpMethod.Post, "/graphql?format=csv") { Content = JsonContent.Create(new { query = All }) };
        csvRequest.Headers.Add("X-Api-Key", key);
        var rows = ExportFiles.Csv(await BytesAsync(await client.SendAsync(csvRequest, Ct)));
        Assert.Equal([A, A, B, B], rows.Skip(1).Select(r => r[0]));
        Assert.Equal([10.0, 12, 20, 25], rows.Skip(1).Select(r => ExportFiles.Number(r[4])));
    }

    private async Task<HttpResponseMessage> PostAsync(string query, string? parameters, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, parameters is null ? "/graphql" : $"/graphql?{parameters}") { Content = JsonContent.Create(new { query }) };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await _client.SendAsync(request, Ct);
    }

    private static async Task<byte[]> BytesAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    private static async Task<string> Message(HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString()!;

    /// <summary>Every XML part of a workbook, unzipped, as one text.</summary>
    private static string XlsxText(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }));
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static object? Json(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetDouble(),
        _ => value.GetString(),
    };

    /// <summary>A CSV record with its first <paramref name="textColumns"/> fields as text and the rest as numbers (empty is null).</summary>
    private static object?[] Typed(string[] record, int textColumns) =>
        [.. record.Select((field, i) => i < textColumns ? field : field.Length == 0 ? null : (object)ExportFiles.Number(field))];

    private static object?[] Pad(object?[] row, int width)
    {
        var padded = new object?[width];
        row.CopyTo(padded, 0);
        return padded;
    }
}
