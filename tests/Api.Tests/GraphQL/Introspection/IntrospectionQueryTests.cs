using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Api.GraphQL.Limits;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.GraphQL.Introspection;

/// <summary>
/// graphql-js's introspection queries (<c>Queries/*.graphql</c>, the exact text of <c>getIntrospectionQuery</c> of graphql
/// 16.15.0 with and without its options) are answered in full over HTTP, priced by the size of their answer.
/// </summary>
public sealed class IntrospectionQueryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string> Queries => [.. Directory.GetFiles(Folder, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    private static string Folder => Repository.PathOf("tests", "Api.Tests", "GraphQL", "Introspection", "Queries");

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task GraphqlJsIntrospectionQueryIsAnsweredWithEveryQueryField(string name)
    {
        using var client = api.Factory.CreateClient();

        var (status, body) = await IntrospectAsync(client, name);
        var sdl = await client.GetStringAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["errors"]);
        var types = body["data"]!["__schema"]!["types"]!.AsArray();
        var query = types.Single(t => (string?)t!["name"] == "Query")!;
        Assert.Equal(QueryFieldsOf(sdl), query["fields"]!.AsArray().Select(f => (string)f!["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryOptionOfTheSpecificationIsAnswered()
    {
        using var client = api.Factory.CreateClient();

        var (_, body) = await IntrospectAsync(client, "all-options");

        var schema = body["data"]!["__schema"]!;
        Assert.Null(body["errors"]);
        Assert.Equal("Governance: grassroots governance indicators (基层党建与治理指标) for counties, townships and villages.", (string?)schema["description"]);
        var types = schema["types"]!.AsArray();
        Assert.All(types, t => Assert.Null((string?)t!["specifiedByURL"]));
        Assert.All(types.Where(t => (string?)t!["kind"] == "INPUT_OBJECT"), t => Assert.False((bool)t!["isOneOf"]!));
        Assert.All(types.Where(t => (string?)t!["kind"] != "INPUT_OBJECT"), t => Assert.Null(t!["isOneOf"]));
        var directives = schema["directives"]!.AsArray().ToDictionary(d => (string)d!["name"]!, d => d!);
        Assert.False((bool)directives["skip"]["isRepeatable"]!);
        Assert.Equal(["if"], directives["skip"]["args"]!.AsArray().Select(a => (string)a!["name"]!));
        Assert.Equal(
            ["ARGUMENT_DEFINITION", "ENUM_VALUE", "FIELD_DEFINITION", "INPUT_FIELD_DEFINITION"],
            directives["deprecated"]["locations"]!.AsArray().Select(l => (string)l!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task IntrospectionCostsOneForEveryFieldOfItsAnswer(string name)
    {
        using var client = api.Factory.CreateClient();
        var limits = new LimitOptions();

        var (_, body) = await IntrospectAsync(client, name);
        var analysis = DocumentAnalysis.Of(Parser.Parse(QueryText(name)), null, limits, null, Schema());

        Assert.Null(analysis.Problem);
        Assert.Equal(FieldsIn(body["data"]!), analysis.Complexity);
        Assert.True(analysis.Complexity < limits.MaxComplexity / 4, $"{name} costs {analysis.Complexity}");
        Assert.Equal(name == "type-depth-7" ? 13 : 15, analysis.Depth);
    }

    [Fact]
    public void IntrospectionKeepsItsStandardDepthWhenMaxDepthIsLowered()
    {
        var limits = new LimitOptions { MaxDepth = 10 };
        var data = "{ area(code: \"361102101000\") { " + string.Concat(Enumerable.Repeat("parent { ", 10)) + "code" + new string('}', 11) + " }";

        var introspection = DocumentAnalysis.Of(Parser.Parse(QueryText("default")), null, limits, null, Schema());
        var deep = DocumentAnalysis.Of(Parser.Parse(data), null, limits, null, Schema());

        Assert.Null(introspection.Problem);
        Assert.Equal(15, introspection.Depth);
        Assert.Equal("TOO_DEEP", deep.Problem?.Code);
    }

    /// <summary>What graphql-js builds from the answer (buildClientSchema) prints, sorted, as the served SDL does: the clients see the schema the server serves.</summary>
    [Theory]
    [InlineData("default")]
    [InlineData("all-options")]
    public async Task TheClientSchemaGraphqlJsBuildsFromTheAnswerIsTheServedSdl(string name)
    {
        var graphiql = GraphqlJs.Folder();
        using var client = api.Factory.CreateClient();
        var (_, body) = await IntrospectAsync(client, name);
        var sdl = await client.GetStringAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), TestContext.Current.CancellationToken);

        var printed = await GraphqlJs.RunAsync(graphiql, "client-schema.mjs", body.ToJsonString(), sdl);

        Assert.Equal("16.15.0", (string?)printed["version"]);
        var served = (string)printed["served"]!;
        Assert.Contains("type Query {", served, StringComparison.Ordinal);
        Assert.Equal(served, (string?)printed["client"]);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> IntrospectAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query = QueryText(name), operationName = "IntrospectionQuery" }, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }

    internal static string QueryText(string name) => File.ReadAllText(Path.Combine(Folder, name + ".graphql"));

    /// <summary>The fields of <c>type Query</c> in the served SDL, read by the GraphQL parser (not by introspection).</summary>
    private static IEnumerable<string> QueryFieldsOf(string sdl) =>
        Parser.Parse(sdl).Definitions.OfType<GraphQLObjectTypeDefinition>().Single(d => d.Name.StringValue == "Query")
            .Fields!.Select(f => f.Name.StringValue).Order(StringComparer.Ordinal);

    /// <summary>Properties in a JSON answer: one for each field the answer holds, at every level and in every list element.</summary>
    private static long FieldsIn(JsonNode? node) => node switch
    {
        JsonObject o => o.Sum(p => 1 + FieldsIn(p.Value)),
        JsonArray a => a.Sum(FieldsIn),
        _ => 0,
    };

    private ISchema Schema()
    {
        var schema = api.Factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }
}
