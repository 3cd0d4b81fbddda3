using Governance.Api.Exports;
using Governance.Api.Tests.Support;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Exports;

/// <summary>The columns an operation flattens into, from the document and the schema alone.</summary>
public sealed class TableShapeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("{ observations(indicators: [\"X\"], level: VILLAGE) { totalCount nodes { area { code name } period { key } value } pageInfo { endCursor } } }", "observations.nodes", "area.code area.name period.key value")]
    [InlineData("{ observations(indicators: [\"X\"], level: VILLAGE) { edges { cursor node { areaCode v: value } } } }", "observations.edges", "cursor areaCode v")]
    [InlineData("{ distribution(indicator: \"X\", period: \"2024\") { count gini } }", "", "distribution.count distribution.gini")]
    [InlineData("{ growth(indicator: \"X\", level: VILLAGE, from: 2023, to: 2024) { areaCode points { year value } cagr } }", "growth", "areaCode points.year points.value cagr")]
    [InlineData("query { areas { nodes { ...A ... on Area { name } __typename } } } fragment A on Area { code name }", "areas.nodes", "code name __typename")]
    [InlineData("query ($full: Boolean = false) { areas { nodes { code name @include(if: $full) kind @skip(if: true) } } }", "areas.nodes", "code")]
    public void ColumnsArePathsOfResponseKeysInSelectionOrder(string query, string listPath, string columns)
    {
        var shape = Shape(query, null);

        Assert.Equal(listPath, string.Join('.', shape.ListPath));
        Assert.Equal(columns.Split(' '), shape.Columns.Select(c => c.Path));
    }

    [Fact]
    public void SkipAndIncludeFollowTheRequestsVariables()
    {
        var shape = Shape("query ($full: Boolean = false) { areas { nodes { code name @include(if: $full) } } }", new Inputs(new Dictionary<string, object?> { ["full"] = true }));

        Assert.Equal(["code", "name"], shape.Columns.Select(c => c.Path));
    }

    [Fact]
    public void ChineseHeadingsComeFromTheDescriptionsAndClashesTakeTheTermsAbove()
    {
        var shape = Shape("""
            { observations(indicators: ["X"], level: VILLAGE) { nodes { area { code name urbanRuralClass parent { name } } areaCode numerator change yoyGrowth } } }
            """, null);

        Assert.Equal(["统计用区划代码", "区划名称", "城乡分类代码", "上级区划名称", "区划代码", "分子", "环比变化量", "同比增长"], shape.Columns.Select(c => c.Chinese));
    }

    [Fact]
    public void TwoListsSideBySideAreNotOneTable()
    {
        var error = Assert.Throws<TableShapeException>(() => Shape("{ areas { nodes { code children { code } replaces { code } } } }", null));

        Assert.Equal("The selection has two lists side by side, 'children' and 'replaces', which do not make one table; export each in a request of its own.", error.Message);
    }

    private TableShape Shape(string query, Inputs? variables)
    {
        var schema = api.Factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var document = Parser.Parse(query);
        return TableShape.Of(schema, document, document.Definitions.OfType<GraphQLOperationDefinition>().Single(), variables);
    }
}
