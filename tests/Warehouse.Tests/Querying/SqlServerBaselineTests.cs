using Governance.Warehouse.Catalogue;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Providers;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Tests.Querying;

/// <summary>
/// The SQL the engine sends SQL Server for representative request shapes, against approved files in Baselines/
/// (no server needed). Set GOVERNANCE_UPDATE_SNAPSHOTS=1 to rewrite them, then review the diff.
/// </summary>
public sealed class SqlServerBaselineTests
{
    public static TheoryData<string, string, AreaLevel, PeriodGrain, AreaStructure> Shapes => new()
    {
        { "flow-township-year", "CE_OPERATING_INCOME", AreaLevel.Township, PeriodGrain.Year, AreaStructure.AsReported },
        { "flow-village-year-current", "CE_OPERATING_INCOME", AreaLevel.Village, PeriodGrain.Year, AreaStructure.Current },
        { "stock-township-year", "GOV_GRIDS", AreaLevel.Township, PeriodGrain.Year, AreaStructure.AsReported },
        { "ratio-ytd-township-quarter", "CAD_TRAINING_COVERAGE", AreaLevel.Township, PeriodGrain.Quarter, AreaStructure.AsReported },
        { "threshold-count-township-year", "CE_WEAK_VILLAGES", AreaLevel.Township, PeriodGrain.Year, AreaStructure.AsReported },
        { "weighted-average-county-year", "CAD_EVAL_SCORE", AreaLevel.County, PeriodGrain.Year, AreaStructure.AsReported },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void GeneratedSqlMatchesTheApprovedBaseline(string name, string indicator, AreaLevel level, PeriodGrain grain, AreaStructure structure)
    {
        using var db = new SqlServerWarehouseDbContext(new DbContextOptionsBuilder<SqlServerWarehouseDbContext>()
            .UseSqlServer("Server=baseline;Database=baseline;TrustServerCertificate=True").UseSnakeCaseNamingConvention().Options);
        var plan = IndicatorPlanner.Plan(Catalogue(), indicator, grain);
        var scope = new QueryScope("361100", level, grain, new DateOnly(2023, 1, 1), new DateOnly(2024, 12, 31), structure);

        var sql = $"-- totals\n{GroupQueries.Totals(db, scope, plan).ToQueryString()}\n\n-- expected units\n{GroupQueries.Expected(db, scope, plan).ToQueryString()}\n";

        var file = Path.Combine(SourceFolder(), "Baselines", $"{name}.sql");
        if (Environment.GetEnvironmentVariable("GOVERNANCE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(file, sql);
        }

        Assert.True(File.Exists(file), $"No approved baseline {file}: run with GOVERNANCE_UPDATE_SNAPSHOTS=1 and review it.");
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), sql.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void DatabasePagedTopNMatchesTheApprovedBaseline()
    {
        using var db = new SqlServerWarehouseDbContext(new DbContextOptionsBuilder<SqlServerWarehouseDbContext>()
            .UseSqlServer("Server=baseline;Database=baseline;TrustServerCertificate=True").UseSnakeCaseNamingConvention().Options);
        var plan = IndicatorPlanner.Plan(Catalogue(), "CE_OPERATING_INCOME", PeriodGrain.Year);
        var scope = new QueryScope("361100", AreaLevel.Village, PeriodGrain.Year, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), AreaStructure.AsReported);

        // The query ObservationPager sends for a top 10 by value (the database sorts and pages).
        var sql = $"-- top 10 villages by value\n{GroupQueries.Totals(db, scope, plan, countUnits: false).OrderByDescending(t => t.Sum).ThenBy(t => t.GroupCode).ThenBy(t => t.PeriodKey).Skip(0).Take(10).ToQueryString()}\n";

        var file = Path.Combine(SourceFolder(), "Baselines", "top-village-year-paged.sql");
        if (Environment.GetEnvironmentVariable("GOVERNANCE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(file, sql);
        }

        Assert.True(File.Exists(file), $"No approved baseline {file}: run with GOVERNANCE_UPDATE_SNAPSHOTS=1 and review it.");
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), sql.ReplaceLineEndings("\n"));
    }

    private static Dictionary<string, Indicator> Catalogue() =>
        IndicatorCatalogue.Indicators.Select((entry, i) =>
        {
            var indicator = new Indicator { IndicatorSk = i + 1, IndicatorCode = entry.Code, NameZh = entry.NameZh, NameEn = entry.NameEn, Unit = entry.Unit, Category = entry.Category, Definition = entry.Definition };
            entry.CopyTo(indicator);
            return indicator;
        }).ToDictionary(i => i.IndicatorCode, StringComparer.Ordinal);

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
