using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.GraphQL.Holes;

/// <summary>Variables are priced by their value, else their default, and a variable of the wrong type is a request error that names it.</summary>
public sealed class VariableTests
{
    // 1,000 areas x (1 + 100 children x 3 fields) passes the 250,000 limit; the default page of 100 areas does not.
    private const string Costly = "query($n: Int = 1000) { areas(first: $n) { nodes { children { code name validFrom } } } }";

    [Theory]
    [InlineData("the literal, as a control", "literal")]
    [InlineData("null variables, the default priced", null)]
    [InlineData("the value priced over a small default", "{\"n\": 1000}")]
    public async Task AVariablePageSizeIsPricedLikeTheSameLiteral(string name, string? variables)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();
        var query = variables switch
        {
            null => Costly,
            "literal" => Costly.Replace("query($n: Int = 1000)", "query", StringComparison.Ordinal).Replace("$n", "1000", StringComparison.Ordinal),
            _ => Costly.Replace("= 1000", "= 1", StringComparison.Ordinal),
        };
        variables = variables == "literal" ? null : variables;

        using var response = await client.PostRawAsync($"{{\"query\": {JsonSerializer.Serialize(query)}, \"variables\": {variables ?? "null"}}}");
        var body = await response.JsonAsync();

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{name}: {(int)response.StatusCode} {body}");
        Assert.Equal("TOO_COMPLEX", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task ADefaultPageSizePastTheLimitIsRefusedLikeTheLiteral()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var response = await client.SendQueryAsync("query($n: Int = 20000) { areas(first: $n) { totalCount } }");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PAGE_TOO_LARGE", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("\"abc\"", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("\"abc\"", "application/json", HttpStatusCode.OK)]
    [InlineData("1e30", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("[1]", "application/graphql-response+json", HttpStatusCode.BadRequest)]
    public async Task AMistypedVariableIsARequestErrorNamingTheVariable(string value, string accept, HttpStatusCode status)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var response = await client.PostRawAsync("{\"query\": \"query($n: Int) { areas(first: $n) { totalCount } }\", \"variables\": {\"n\": " + value + "}}", accept: accept);
        var body = await response.JsonAsync();

        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {body}");
        var error = body.GetProperty("errors")[0];
        Assert.Equal("INVALID_VALUE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'$n'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("data", out _));
    }
}
