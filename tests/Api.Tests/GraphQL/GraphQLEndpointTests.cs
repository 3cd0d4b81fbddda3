using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Support;

namespace Governance.Api.Tests.GraphQL;

public sealed class GraphQLEndpointTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string NameQuery = """{ indicator(code: "CE_OPERATING_INCOME") { name } }""";
    private const string GraphQLResponse = "application/graphql-response+json";

    private readonly HttpClient _client = api.Factory.CreateClient();

    [Theory]
    [InlineData(null, GraphQLResponse)]
    [InlineData("*/*", GraphQLResponse)]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json;q=0.9, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    public async Task AcceptHeaderChoosesTheResponseMediaType(string? accept, string expected)
    {
        using var response = await _client.PostRawAsync(JsonSerializer.Serialize(new { query = NameQuery }), accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task ChineseTextIsWrittenAsUtf8NotEscaped()
    {
        using var response = await _client.SendQueryAsync(NameQuery);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("\"name\":\"村集体经营性收入\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAnswerCarriesARequestId()
    {
        using var response = await _client.SendQueryAsync(NameQuery);
        var json = await response.JsonAsync();

        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("extensions").GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task AcceptWithoutJsonIsNotAcceptable()
    {
        using var response = await _client.PostRawAsync(JsonSerializer.Serialize(new { query = NameQuery }), accept: "application/xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("{ indicators { code ", GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("{ indicators { code ", "application/json", HttpStatusCode.OK)]
    [InlineData("{ noSuchField }", GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("{ noSuchField }", "application/json", HttpStatusCode.OK)]
    [InlineData("query A { indicators { code } } query B { indicators { code } }", GraphQLResponse, HttpStatusCode.BadRequest)]
    public async Task DocumentThatFailsBeforeExecutionHasErrorsAndNoData(string query, string accept, HttpStatusCode expected)
    {
        using var response = await _client.SendQueryAsync(query, accept: accept);
        var json = await response.JsonAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.False(json.TryGetProperty("data", out _), json.ToString());
        Assert.NotEqual(0, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task VariableOfTheWrongTypeFailsBeforeExecution()
    {
        using var response = await _client.SendQueryAsync("query($c: String!) { indicator(code: $c) { name } }", new { c = new[] { 1 } });
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task VariablesAreApplied()
    {
        var data = await _client.DataAsync("query($c: String!) { indicator(code: $c) { name } }", new { c = "CE_OPERATING_INCOME" });

        Assert.Equal("村集体经营性收入", data.GetProperty("indicator").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{ \"query\": ")]
    [InlineData("NONSENSE")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{ \"query\": null }")]
    [InlineData("{ \"query\": 1 }")]
    [InlineData("{ \"query\": { } }")]
    [InlineData("{ \"query\": [\"{ indicators { code } }\"] }")]
    [InlineData("{ \"query\": \"{ indicators { code } }\", \"variables\": [1] }")]
    [InlineData("{ \"query\": \"{ indicators { code } }\", \"variables\": \"{}\" }")]
    [InlineData("{ \"query\": \"{ indicators { code } }\", \"operationName\": 3 }")]
    [InlineData("{ \"query\": \"{ indicators { code } }\", \"extensions\": 3 }")]
    [InlineData("[{ \"query\": \"{ indicators { code } }\" }, { \"query\": \"{ indicators { code } }\" }]")]
    public async Task MalformedRequestIsBadRequestWithoutData(string body)
    {
        foreach (var accept in new[] { GraphQLResponse, "application/json" })
        {
            using var response = await _client.PostRawAsync(body, accept: accept);
            var json = await response.JsonAsync();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(json.TryGetProperty("data", out _));
            Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task BatchOfOperationsIsRefusedWithAReason()
    {
        using var response = await _client.PostRawAsync("""[{ "query": "{ indicators { code } }" }]""");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Batched requests", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8IsBadRequest()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"query\":\"{ indicator(code: \\\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\\\") { name } }\"}")];

        using var response = await _client.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task BodyThatIsNotUtf8JsonIsUnsupportedMediaType(string? contentType)
    {
        using var response = await _client.PostRawAsync(JsonSerializer.Serialize(new { query = NameQuery }), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task JsonWithUtf8CharsetIsAccepted()
    {
        using var response = await _client.PostRawAsync(JsonSerializer.Serialize(new { query = NameQuery }), "application/json; charset=UTF-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetRunsAQueryWithVariables()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($c: String!) { indicator(code: $c) { name } }")
            + "&variables=" + Uri.EscapeDataString("""{"c":"CE_OPERATING_INCOME"}""");

        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("村集体经营性收入", json.GetProperty("data").GetProperty("indicator").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("mutation { indicators { code } }")]
    [InlineData("mutation M { x }")]
    public async Task MutationThroughGetIsMethodNotAllowed(string query)
    {
        using var response = await _client.GetAsync(new Uri("/graphql?query=" + Uri.EscapeDataString(query), UriKind.Relative), TestContext.Current.CancellationToken);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.False(json.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql?query=%7B&variables=%5B%5D")]
    [InlineData("/graphql?query=%7Bindicators%7Bcode%7D%7D&variables=nonsense")]
    public async Task GetWithoutAWellFormedRequestIsBadRequest(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await response.JsonAsync()).TryGetProperty("data", out _));
    }

    [Fact]
    public async Task SchemaIsServedAsSdl()
    {
        var sdl = await _client.GetStringAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("indicators(", sdl, StringComparison.Ordinal);
    }
}
