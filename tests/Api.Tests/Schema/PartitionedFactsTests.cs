using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Governance.Api.Tests.Support;
using Governance.Etl.Loading;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// PostgreSQL: the facts and their history partitioned by year (migration PartitionedFacts). The plans of a dashboard
/// question over two years read those two partitions only; a restatement of one year writes one partition of each table;
/// the loader makes a missing year's partition before it writes.
/// </summary>
public sealed class PartitionedFactsTests
{
    private const int CalendarYears = WarehouseSeeder.LastYear - WarehouseSeeder.FirstYear + 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryYearOfTheCalendarHasAPartitionOfBothTablesUnderRowLevelSecurity()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await using var connection = await OpenAsync(warehouse);

        var partitions = await ListAsync(connection, """
            select p.relname || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity || ' ' || (select count(*) from pg_policies as x where x.tablename = c.relname)
            from pg_inherits as i join pg_class as p on p.oid = i.inhparent join pg_class as c on c.oid = i.inhrelid
            where p.relname in ('fct_indicator_value', 'fct_indicator_value_history') and c.relkind = 'r'
            """);

        Assert.Equal(2 * CalendarYears, partitions.Count);
        Assert.Equal([$"fct_indicator_value {CalendarYears}", $"fct_indicator_value_history {CalendarYears}"], partitions.GroupBy(p => p.Split(' ')[0]).Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal));
        Assert.All(partitions, p => Assert.EndsWith(" true true 1", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDashboardQuestionOverTwoYearsReadsTheirTwoPartitionsOnly()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        var client = api.CreateClient();
        using var counter = new SqlCounter(warehouse);

        var data = await client.DataAsync("""{ observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "2023", to: "2024") { nodes { areaCode period { key } value } } }""");

        // The answer itself, from TwoTownships.Incomes: every village and year.
        var rows = data.GetProperty("observations").GetProperty("nodes").EnumerateArray()
            .Select(n => $"{n.GetProperty("areaCode").GetString()} {n.GetProperty("period").GetProperty("key").GetString()} {n.GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(Incomes.Select(i => $"{i.Key.Village} {i.Key.Year} {i.Value.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal), rows);

        var factCommands = counter.Executed.Where(c => c.Text.Contains("fct_indicator_value", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(factCommands);
        await using var connection = await OpenAsync(warehouse);
        var scanned = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (text, parameters) in factCommands)
        {
            scanned.UnionWith(await RelationsInPlanAsync(connection, text, parameters));
        }

        Assert.Equal(["fct_indicator_value_y2023", "fct_indicator_value_y2024"], scanned.Where(r => r.StartsWith("fct_indicator_value", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARestatementOfOneYearWritesOnePartitionOfTheFactsAndOneOfTheHistory()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await using var connection = await OpenAsync(warehouse);
        var before = await SettledAsync(connection, ["fct_indicator_value_y2023 ins 3", "fct_indicator_value_y2024 ins 3"]);

        var result = await LoadFileAsync(warehouse, $"{A},2024,{Income},40\n{B},2024,{Income},26\n");
        Assert.Equal((LoadBatchStatus.Loaded, 2), (result.Status, result.Updated));

        var changed = await ChangedAsync(connection, before, expected: 2);
        Assert.Equal(["fct_indicator_value_history_y2024 ins 2", "fct_indicator_value_y2024 upd 2"], changed);
    }

    [Fact]
    public async Task TheLoaderMakesAMissingYearsPartitionsBeforeItWrites()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await using var connection = await OpenAsync(warehouse);
        await ExecuteAsync(connection, "drop table fct_indicator_value_y2030; drop table fct_indicator_value_history_y2030");

        var result = await LoadFileAsync(warehouse, $"{A},2030,{Income},7\n");

        Assert.Equal((LoadBatchStatus.Loaded, 1), (result.Status, result.Inserted));
        Assert.Equal(
            ["fct_indicator_value_history_y2030 true 1", "fct_indicator_value_y2030 true 1"],
            await ListAsync(connection, """
                select c.relname || ' ' || c.relforcerowsecurity || ' ' || (select count(*) from fct_indicator_value_y2030)
                from pg_class as c where c.relname in ('fct_indicator_value_y2030', 'fct_indicator_value_history_y2030') order by 1
                """));
    }

    private static async Task<LoadResult> LoadFileAsync(TestWarehouse warehouse, string rows)
    {
        var file = Path.Combine(Path.GetTempPath(), $"partitioned-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "area_code,period,indicator,value\n" + rows, Ct);
        try
        {
            var loader = new IndicatorFileLoader(warehouse.Factory, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance);
            return await loader.LoadAsync(file, LoadOptions.Default, Ct);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The relations a command's plan reads: EXPLAIN of its text (the scope statement ahead of it left out) with its parameters.</summary>
    private static async Task<IEnumerable<string>> RelationsInPlanAsync(NpgsqlConnection connection, string text, DbParameter[] parameters)
    {
        const string ScopeEnd = "END $scope$;\n";
        var at = text.IndexOf(ScopeEnd, StringComparison.Ordinal);
        var statement = at < 0 ? text : text[(at + ScopeEnd.Length)..];
        await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + statement, connection);
        command.Parameters.AddRange(parameters);
        var plan = (string)(await command.ExecuteScalarAsync(Ct))!;
        using var json = JsonDocument.Parse(plan);
        var names = new List<string>();
        Collect(json.RootElement, names);
        return names;

        static void Collect(JsonElement element, List<string> names)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name == "Relation Name")
                        {
                            names.Add(property.Value.GetString()!);
                        }

                        Collect(property.Value, names);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item, names);
                    }

                    break;
            }
        }
    }

    /// <summary>Rows inserted, updated and deleted per partition of the two tables, as pg_stat_user_tables counts them.</summary>
    private static async Task<Dictionary<string, (long Ins, long Upd, long Del)>> WritesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables where relname like 'fct_indicator_value%'", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var writes = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Ct))
        {
            writes[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return writes;
    }

    /// <summary>The counts once the seeded rows (<paramref name="seeded"/>) are in them: the seeding sessions report when they end.</summary>
    private static async Task<Dictionary<string, (long Ins, long Upd, long Del)>> SettledAsync(NpgsqlConnection connection, string[] seeded)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connection.ConnectionString));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var now = await WritesAsync(connection);
            var written = now.Where(t => t.Value != default).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} ins {t.Value.Ins}").ToArray();
            if (written.SequenceEqual(seeded) || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                Assert.Equal(seeded, written);
                return now;
            }

            await Task.Delay(250, Ct);
        }
    }

    /// <summary>Polls the statistics (a backend reports its counts within a second or so of going idle) until <paramref name="expected"/> rows were written on one table.</summary>
    private static async Task<List<string>> ChangedAsync(NpgsqlConnection connection, Dictionary<string, (long Ins, long Upd, long Del)> before, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var now = await WritesAsync(connection);
            var changed = new List<string>();
            foreach (var (table, (ins, upd, del)) in now.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var (ins0, upd0, del0) = before.GetValueOrDefault(table);
                changed.AddRange(new[] { ("ins", ins - ins0), ("upd", upd - upd0), ("del", del - del0) }.Where(d => d.Item2 != 0).Select(d => $"{table} {d.Item1} {d.Item2}"));
            }

            if (changed.Count >= 2 && changed.All(c => c.EndsWith($" {expected}", StringComparison.Ordinal)) || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return changed;
            }

            await Task.Delay(250, Ct);
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(TestWarehouse warehouse)
    {
        var connection = new NpgsqlConnection(warehouse.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
