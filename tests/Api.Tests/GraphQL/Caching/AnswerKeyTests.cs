using Governance.Api.GraphQL.Caching;
using Governance.Warehouse.Security;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQLParser;

namespace Governance.Api.Tests.GraphQL.Caching;

/// <summary>The key of an answer: equal for the same question however it is spelt, different for anything that changes the answer.</summary>
public sealed class AnswerKeyTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly AccessScope County = AccessScope.Within(AccessRole.Analyst, ["361100000000"]);

    [Theory]
    [InlineData("{ areas { totalCount } }", "query {\n  areas {\n    totalCount\n  }\n}")]
    [InlineData("{ areas { totalCount } }", "# a comment\n{ areas, { totalCount, } }")]
    [InlineData("""{ a: area(code: "361100000000") { code } }""", """{a:area(code:"361100000000"){code}}""")]
    [InlineData("""{ area(code: "x") { code } }""", "{ area(code: \"\"\"x\n\"\"\") { code } }")] // a block string of the same value
    public void TheSameDocumentSpeltOtherwiseHasTheSameKey(string one, string other) =>
        Assert.Equal(Key(one), Key(other));

    [Theory]
    [InlineData("""{ area(code: "36", name: "x") { code } }""", """{ area(code: "36\", name: \"x") { code } }""")]
    [InlineData("""{ area(code: "a\"b") { code } }""", """{ area(code: "a\\\"b") { code } }""")]
    [InlineData("""{ area(code: "3611") { code } }""", """{ area(code: "3612") { code } }""")]
    [InlineData("{ areas { totalCount } }", "{ areas { totalCount nodes { code } } }")]
    public void DifferentDocumentsHaveDifferentKeys(string one, string other) =>
        Assert.NotEqual(Key(one), Key(other));

    [Fact]
    public void VariablesAreKeyedWhateverTheOrderOfTheirKeysButByEveryValue()
    {
        const string Query = "query Q($a: String, $b: [Int]) { areas { totalCount } }";
        Assert.Equal(Key(Query, variables: """{"a":"x","b":[1,2],"c":{"y":1,"x":null}}"""), Key(Query, variables: """{"c":{"x":null,"y":1},"b":[1,2],"a":"x"}"""));
        Assert.NotEqual(Key(Query, variables: """{"a":"x","b":[1,2]}"""), Key(Query, variables: """{"a":"x","b":[2,1]}"""));
        Assert.NotEqual(Key(Query, variables: """{"a":"1"}"""), Key(Query, variables: """{"a":1}"""));
        Assert.NotEqual(Key(Query, variables: """{"a":null}"""), Key(Query, variables: null));
        Assert.NotEqual(Key(Query, variables: """{"a":"x"}"""), Key(Query, variables: """{"a":"x "}"""));
    }

    [Fact]
    public void TheVersionTheDateTheScopeAndTheOperationEachMakeAnotherKey()
    {
        const string Query = "query A { areas { totalCount } } query B { indicators { code } }";
        var key = Key(Query, "A");
        Assert.NotEqual(key, Key(Query, "A", version: 8));
        Assert.NotEqual(key, Key(Query, "A", today: Today.AddDays(1)));
        Assert.NotEqual(key, Key(Query, "B"));
        Assert.NotEqual(key, Key(Query, "A", scope: AccessScope.Within(AccessRole.Viewer, ["361100000000"])));
        Assert.NotEqual(key, Key(Query, "A", scope: AccessScope.Within(AccessRole.Analyst, ["361100101000"])));
        Assert.NotEqual(key, Key(Query, "A", scope: AccessScope.Within(AccessRole.Analyst, ["361100000000", "361200000000"])));
        Assert.NotEqual(key, Key(Query, "A", scope: AccessScope.Everything(AccessRole.Analyst)));
        Assert.NotEqual(Key(Query, "A", scope: AccessScope.Everything(AccessRole.Analyst)), Key(Query, "A", scope: AccessScope.Within(AccessRole.Analyst, [])));
        Assert.Equal(key, Key(Query, "A", scope: AccessScope.Within(AccessRole.Analyst, ["361100000000", "361100000000"])));
        Assert.Equal(
            Key(Query, "A", scope: AccessScope.Within(AccessRole.Analyst, ["361200000000", "361100000000"])),
            Key(Query, "A", scope: AccessScope.Within(AccessRole.Analyst, ["361100000000", "361200000000"])));
    }

    private static string Key(string query, string? operationName = null, string? variables = null, long version = 7, DateOnly? today = null, AccessScope? scope = null)
    {
        var document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments });
        var inputs = variables is null ? null : new GraphQLSerializer().Deserialize<Inputs>(variables);
        return AnswerKey.Of(version, today ?? Today, scope ?? County, operationName, document, inputs);
    }
}
