using System.Data.Common;
using System.Globalization;
using Governance.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Governance.TestSupport.SemanticsScenario;

namespace Governance.Warehouse.Tests.Schema;

/// <summary>The analyst views of sql/views/, created by the migration, read with plain SQL on the SEMANTICS.md scenario.</summary>
public sealed class AnalystViewTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task IndicatorValueViewFlattensValuesWithTheirNames(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await ReadAsync(warehouse, $"""
            select area_name, period_label, indicator_name, unit, value from vw_indicator_value
            where area_code = '{V1}' and indicator_code = 'CE_OPERATING_INCOME' and period_key = '2024'
            """);

        Assert.Equal([["V1村", "2024年", "村集体经营性收入", "万元", "12"]], rows);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task VillageIncomeViewHasOneRowPerVillageAndYear(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await ReadAsync(warehouse, """
            select village_code, township_code, period_year, operating_income from vw_village_income_by_year
            where period_year = 2023 order by village_code
            """);

        Assert.Equal([[V1, T, "2023", "10"], [V2, T, "2023", "4"]], rows);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CompoundCoverageViewDividesSummedParts(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await ReadAsync(warehouse, """
            select township_code, period_key, compounds, compounds_with_branch, reporting_communities, coverage_percent
            from vw_compound_coverage_by_township_quarter
            """);

        Assert.Equal([[T, "2024Q2", "15", "13", "2", "86.666667"]], rows);
    }

    private static async Task<TestWarehouse> Scenario(WarehouseProvider provider)
    {
        var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        return warehouse;
    }

    /// <summary>Rows as invariant text; numbers rounded to six decimals, so engines' numeric types compare alike.</summary>
    private static async Task<List<List<string>>> ReadAsync(TestWarehouse warehouse, string sql)
    {
        await using var db = warehouse.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<List<string>>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader, i)).ToList());
        }

        return rows;
    }

    private static string Text(DbDataReader reader, int i) => reader.GetValue(i) switch
    {
        string s => s,
        decimal or double or float or long or int or short => Math.Round(Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture), 6).ToString(CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
