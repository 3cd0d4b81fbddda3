using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Tests.Reports;

/// <summary><c>governance reports add|list|show|remove</c> as a child process on a SQLite warehouse.</summary>
public sealed class ReportsCommandTests : IDisposable
{
    private const string Income = """
        query VillageIncome($year: String!, $within: String) {
          observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, within: $within, from: $year, to: $year) { nodes { area { code name } value } }
        }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddListShowAndRemoveAReport()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var file = _folder.Write("income.graphql", Income);

        var added = await GovernanceProcess.RunAsync(warehouse, "reports", "add", "village-income", file, "--title", "村集体经营性收入");
        var replaced = await GovernanceProcess.RunAsync(warehouse, "reports", "add", "village-income", file, "--title", "村集体经营性收入（万元）");
        var listed = await GovernanceProcess.RunAsync(warehouse, "reports", "list");
        var shown = await GovernanceProcess.RunAsync(warehouse, "reports", "show", "village-income");

        Assert.Equal((0, ""), (added.ExitCode, added.Error));
        Assert.Equal("Report village-income added: GET /reports/village-income.csv?year=<String> (also .xlsx, .json, .ndjson).", added.Output.Trim());
        Assert.StartsWith("Report village-income replaced:", replaced.Output, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("village-income", listed.Output, StringComparison.Ordinal);
        Assert.Contains("year: String!, within: String", listed.Output, StringComparison.Ordinal);
        Assert.Contains("村集体经营性收入（万元）", listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains(Income.Trim(), shown.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        await using (var db = warehouse.CreateDbContext())
        {
            var report = await db.SavedReports.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("village-income", "村集体经营性收入（万元）", Income), (report.Name, report.Title, report.Document));
            Assert.True(report.UpdatedAt >= report.CreatedAt);
        }

        var removed = await GovernanceProcess.RunAsync(warehouse, "reports", "remove", "village-income");
        var again = await GovernanceProcess.RunAsync(warehouse, "reports", "remove", "village-income");
        var gone = await GovernanceProcess.RunAsync(warehouse, "reports", "show", "village-income");

        Assert.Equal((0, "Report village-income removed."), (removed.ExitCode, removed.Output.Trim()));
        Assert.Equal((2, "No report is named 'village-income'."), (again.ExitCode, again.Error.Trim()));
        Assert.Equal(2, gone.ExitCode);
        await using (var db = warehouse.CreateDbContext())
        {
            Assert.Equal(0, await db.SavedReports.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [InlineData("{ observations(", "The document does not parse: ")]
    [InlineData("query A { indicators { code } } query B { indicators { code } }", "The document has 2 operations; a report is exactly one query.")]
    [InlineData("mutation { indicators { code } }", "The operation is a mutation; a report is a query.")]
    [InlineData("{ indicators { code noSuchField } }", "Cannot query field 'noSuchField' on type 'Indicator'. (line 1, column 21)")]
    [InlineData("query ($n: Int!) { areas(first: $m) { totalCount } }", "Variable '$m' is not defined")]
    [InlineData("query ($where: ObservationWhere) { observations(indicators: [\"X\"], level: VILLAGE, where: $where) { totalCount } }", "Variable $where is of input type ObservationWhere, which a URL cannot give; declare its fields as variables of their own.")]
    [InlineData("query ($format: String) { area(code: $format) { name } }", "Variable $format is named like the 'format' parameter of a report's URL")]
    public async Task ADocumentThatIsNotAReportIsAUsageErrorNamingTheFileAndTheProblem(string document, string problem)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var file = _folder.Write("bad.graphql", document);

        var result = await GovernanceProcess.RunAsync(warehouse, "reports", "add", "bad", file);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(file + ": ", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        await using var db = warehouse.CreateDbContext();
        Assert.Equal(0, await db.SavedReports.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Village", "income.graphql", "Report name 'Village' must be 1 to 64 lower-case letters")]
    [InlineData("ok", "missing.graphql", "missing.graphql: no such file.")]
    public async Task ABadNameOrAMissingFileIsAUsageError(string name, string fileName, string problem)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        _folder.Write("income.graphql", Income);

        var result = await GovernanceProcess.RunAsync(warehouse, "reports", "add", name, _folder.File(fileName));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
    }
}
