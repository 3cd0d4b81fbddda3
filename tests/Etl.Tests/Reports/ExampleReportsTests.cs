using Governance.Etl.Reports;
using Governance.TestSupport;

namespace Governance.Etl.Tests.Reports;

/// <summary>The example reports of the BI guide (docs/examples/reports) are reports: one query, checked against the schema, with URL-friendly variables.</summary>
public sealed class ExampleReportsTests
{
    public static TheoryData<string> Examples => new(Directory.EnumerateFiles(Repository.PathOf("docs", "examples", "reports"), "*.graphql").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task EachExampleIsAValidReport(string file)
    {
        var document = ReportDocument.Parse(await File.ReadAllTextAsync(Repository.PathOf("docs", "examples", "reports", file), TestContext.Current.CancellationToken));

        Assert.Empty(await document.ProblemsAsync(ApprovedSchema.Instance));
        Assert.NotEmpty(document.Variables);
    }
}
