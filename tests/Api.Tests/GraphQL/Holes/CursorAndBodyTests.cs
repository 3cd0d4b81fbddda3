using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.GraphQL.Holes;

/// <summary>A forged cursor is a BAD_REQUEST naming 'after', never a negative offset; a body no string can hold is a 400 with a message.</summary>
public sealed class CursorAndBodyTests
{
    public static TheoryData<WarehouseProvider, string> ForgedCursors => new()
    {
        { WarehouseProvider.Sqlite, Base64("cursor:2147483647") },
        { WarehouseProvider.Sqlite, Base64("cursor:2147483646") },
        { WarehouseProvider.Sqlite, "cursor:2147483647" },
        { WarehouseProvider.Postgres, Base64("cursor:2147483647") },
    };

    [Theory]
    [MemberData(nameof(ForgedCursors))]
    public async Task AForgedCursorIsABadRequestNamingAfter(WarehouseProvider provider, string cursor)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var response = await client.SendQueryAsync("query($after: String) { areas(first: 2, after: $after) { nodes { code } } }", new { after = cursor });
        var body = await response.JsonAsync();

        var error = body.GetProperty("errors")[0];
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith("'after' is '" + cursor + "'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind); // areas is non-null: its error nulls the whole data
    }

    [Fact]
    public async Task TheLastCursorThatFitsAnswersAnEmptyPage()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        var data = await client.DataAsync("query($after: String) { areas(first: 1000, after: $after) { nodes { code } pageInfo { hasPreviousPage } } }", new { after = Base64("cursor:" + (int.MaxValue - 1001)) });

        Assert.Equal(0, data.GetProperty("areas").GetProperty("nodes").GetArrayLength());
        Assert.True(data.GetProperty("areas").GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Theory]
    [InlineData("{\"query\": \"{ indicators(category: \\\"\\ud800\\\") { code } }\"}")]
    [InlineData("{\"query\": \"query($c: String) { indicators(category: $c) { code } }\", \"variables\": {\"c\": \"\\udfff\"}}")]
    [InlineData("{\"query\": \"{ indicators { code } }\", \"variables\": {\"\\ud800\": 1}}")]
    public async Task ALoneSurrogateInTheBodyIsA400WithAMessage(string body)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var response = await client.PostRawAsync(Encoding.UTF8.GetBytes(body));
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request has a JSON string that is not valid Unicode (an escaped lone surrogate such as \\ud800).", json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("BAD_REQUEST", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ALoneSurrogateInGetVariablesIsA400WithAMessage()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("query($c: String) { indicators(category: $c) { code } }") + "&variables=" + Uri.EscapeDataString("{\"c\": \"\\ud800\"}"), TestContext.Current.CancellationToken);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The request has a JSON string that is not valid Unicode", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
}
