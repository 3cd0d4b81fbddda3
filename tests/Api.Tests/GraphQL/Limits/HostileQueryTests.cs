using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Governance.Api.Tests.GraphQL.Introspection;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.GraphQL.Limits;

/// <summary>The hostile-query suite of issue 5: every request gets a 4xx with a clear error, and the server serves a normal query afterwards.</summary>
public sealed class HostileQueryTests
{
    private const string Normal = "{ indicators { code } }";

    public static TheoryData<string, string, HttpStatusCode, string?> HostileBodies => new()
    {
        { "depth 100", Json("{" + string.Concat(Enumerable.Repeat("indicators { ", 99)) + "code" + new string('}', 100)), HttpStatusCode.BadRequest, "TOO_DEEP" },
        { "1,000 aliases", Json("{" + string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"a{i}: __typename")) + "}"), HttpStatusCode.BadRequest, "TOO_MANY_ALIASES" },
        { "10,000 open braces", Json(new string('{', 10_000)), HttpStatusCode.BadRequest, null },
        { "5,000 nested fields", Json("{" + string.Concat(Enumerable.Repeat("a{", 5_000)) + new string('}', 5_001)), HttpStatusCode.BadRequest, "DOCUMENT_TOO_NESTED" },
        { "a long document", Json("{" + new string(' ', 30_000) + "indicators { code } }"), HttpStatusCode.BadRequest, "DOCUMENT_TOO_LONG" },
        { "a page too large", Json("{ areas(first: 20000) { totalCount } }"), HttpStatusCode.BadRequest, "PAGE_TOO_LARGE" },
        { "nested lists too costly", Json("{ areas(first: 1000) { edges { node { children { children { code } } } } } }"), HttpStatusCode.BadRequest, "TOO_COMPLEX" },
        { "a batch", "[" + Json(Normal) + "," + Json(Normal) + "]", HttpStatusCode.BadRequest, null },
        { "the schema asked twice under aliases", Json(IntrospectionQueryTests.QueryText("default").Replace("__schema {", "again: __schema { types { ...FullType } } __schema {", StringComparison.Ordinal)), HttpStatusCode.BadRequest, "TOO_COMPLEX" },
        { "__typename under a big page", Json("{ areas(first: 1000) { nodes { children { children { __typename } } } } }"), HttpStatusCode.BadRequest, "TOO_COMPLEX" },
        { "ofType nested past graphql-js's nine", Json("{ __type(name: \"Query\") { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 12)) + "name" + new string('}', 15) + " }"), HttpStatusCode.BadRequest, "TOO_DEEP" },
        { "an introspection fragment bomb", Json("{ __schema { types { ...F20 } } } fragment F0 on __Type { name } " + string.Concat(Enumerable.Range(1, 20).Select(i => $"fragment F{i} on __Type {{ ...F{i - 1} ...F{i - 1} }} "))), HttpStatusCode.BadRequest, "TOO_COMPLEX" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task AHostileQueryIsA4xxWithAClearErrorAndTheServerStillServes(string name, string body, HttpStatusCode status, string? code)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", content, TestContext.Current.CancellationToken);

        Assert.True(status == response.StatusCode, $"{name}: {(int)response.StatusCode}");
        await AssertPlainErrorAsync(response, code);
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task AFiveMegabyteBodyIs413WhetherItsLengthIsDeclaredOrStreamed()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();
        var big = Json("{ indicators { code } }" + new string('#', 5 * 1024 * 1024));

        using var declared = new StringContent(big, Encoding.UTF8, "application/json");
        using var declaredResponse = await client.PostAsync("/graphql", declared, TestContext.Current.CancellationToken);
        using var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        using var streamedResponse = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declaredResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamedResponse.StatusCode);
        await AssertPlainErrorAsync(streamedResponse, "BODY_TOO_LARGE");
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    public async Task WrongContentTypesAndFormsAre415(string contentType)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(contentType.StartsWith("application/json", StringComparison.Ordinal) ? Json(Normal) : "query=%7B+indicators+%7B+code+%7D+%7D"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await client.PostAsync("/graphql", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task InvalidUtf8Is400()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        byte[] body = [.. Encoding.UTF8.GetBytes("{\"query\":\"{ indicators(category: \\\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\\\") { code } }\"}")];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/graphql", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task RequestsAboveThePerMinuteLimitAre429()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Api:Limits:RequestsPerMinute"] = "3" });
        using var client = api.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync("/graphql", new { query = Normal }, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                await AssertPlainErrorAsync(response, "RATE_LIMITED");
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task AssertPlainErrorAsync(HttpResponseMessage response, string? code)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        var body = JsonNode.Parse(text)!;
        Assert.Null(body["data"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["errors"]![0]!["message"]));
        if (code is not null)
        {
            Assert.Equal(code, (string?)body["errors"]![0]!["extensions"]?["code"]);
        }
    }

    private static async Task AssertStillServesAsync(HttpClient client)
    {
        var answer = await client.PostQueryAsync(Normal);
        Assert.True(answer["data"]!["indicators"]!.AsArray().Count > 20);
    }

    private static string Json(string query) => new JsonObject { ["query"] = query }.ToJsonString();
}
