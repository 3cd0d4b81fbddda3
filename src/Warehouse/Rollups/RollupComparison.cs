using System.Globalization;
using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Rollups;

/// <summary>The stored roll-ups beside those <see cref="RollupCheck"/> made again, row by row and column by column, in SQL.</summary>
internal static class RollupComparison
{
    private static readonly string[] TotalColumns = ["value_sum", "weight_sum", "meeting_count", "unit_count"];

    public static async Task TotalsAsync(WarehouseDbContext db, string check, RollupDifferences found, Dictionary<int, string> names, Dictionary<int, int> scales, CancellationToken cancellationToken)
    {
        const string Key = "c.input_sk = s.input_sk AND c.area_level = s.area_level AND c.area_code = s.area_code AND c.period_sk = s.period_sk";
        var sql = $"""
            SELECT s.input_sk, s.area_level, s.area_code, s.period_sk, s.value_sum, s.weight_sum, s.meeting_count, s.unit_count,
                c.value_sum, c.weight_sum, c.meeting_count, c.unit_count, CASE WHEN c.input_sk IS NULL THEN 1 ELSE 0 END
            FROM agg_total s
            LEFT JOIN {check} c ON {Key}
            WHERE c.input_sk IS NULL OR c.value_sum <> s.value_sum OR c.weight_sum <> s.weight_sum OR c.meeting_count <> s.meeting_count OR c.unit_count <> s.unit_count
            UNION ALL
            SELECT c.input_sk, c.area_level, c.area_code, c.period_sk, NULL, NULL, NULL, NULL, c.value_sum, c.weight_sum, c.meeting_count, c.unit_count, 2
            FROM {check} c
            LEFT JOIN agg_total s ON {Key}
            WHERE s.input_sk IS NULL
            ORDER BY 1, 2, 3, 4
            """;
        await using var command = RollupCheck.Command(db, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var sk = reader.GetInt32(0);
            var where = $"{names.GetValueOrDefault(sk, $"input {sk}")} {RollupLevels.Name(reader.GetInt32(1))} {reader.GetString(2)} {Period(reader.GetInt32(3))}";
            var scale = scales.GetValueOrDefault(sk, 4);
            string Value(int column, int i) => i == 0 ? Scaled(reader.GetInt64(column), scale) : i == 1 ? Scaled(reader.GetInt64(column), 4) : Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            string All(int start) => string.Join(", ", TotalColumns.Select((c, i) => $"{c} {Value(start + i, i)}"));
            switch (reader.GetInt32(12))
            {
                case 1:
                    found.Add($"{where}: stored row the facts do not give ({All(4)})");
                    break;
                case 2:
                    found.Add($"{where}: row missing ({All(8)} expected)");
                    break;
                default:
                    for (var i = 0; i < TotalColumns.Length; i++)
                    {
                        if (Value(4 + i, i) != Value(8 + i, i))
                        {
                            found.Add($"{where} {TotalColumns[i]}: stored {Value(4 + i, i)}, expected {Value(8 + i, i)}");
                        }
                    }

                    break;
            }
        }
    }

    public static async Task ExpectedAsync(WarehouseDbContext db, string check, RollupDifferences found, CancellationToken cancellationToken)
    {
        const string Key = "c.capture_level = s.capture_level AND c.grain = s.grain AND c.area_level = s.area_level AND c.area_code = s.area_code AND c.period_sk = s.period_sk";
        var sql = $"""
            SELECT s.capture_level, s.grain, s.area_level, s.area_code, s.period_sk, s.unit_count, c.unit_count, CASE WHEN c.period_sk IS NULL THEN 1 ELSE 0 END
            FROM agg_expected s
            LEFT JOIN {check} c ON {Key}
            WHERE c.period_sk IS NULL OR c.unit_count <> s.unit_count
            UNION ALL
            SELECT c.capture_level, c.grain, c.area_level, c.area_code, c.period_sk, NULL, c.unit_count, 2
            FROM {check} c
            LEFT JOIN agg_expected s ON {Key}
            WHERE s.period_sk IS NULL
            ORDER BY 1, 2, 3, 4, 5
            """;
        await using var command = RollupCheck.Command(db, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var where = $"expected units of {reader.GetString(0)} at {reader.GetString(1)} {RollupLevels.Name(reader.GetInt32(2))} {reader.GetString(3)} {Period(reader.GetInt32(4))}";
            found.Add(reader.GetInt32(7) switch
            {
                1 => $"{where}: stored row the areas do not give (unit_count {reader.GetInt32(5)})",
                2 => $"{where}: row missing (unit_count {reader.GetInt32(6)} expected)",
                _ => $"{where} unit_count: stored {reader.GetInt32(5)}, expected {reader.GetInt32(6)}",
            });
        }
    }

    /// <summary>The period key of a surrogate key (2024000 is 2024, 2024200 is 2024Q2, 2024005 is 202405).</summary>
    private static string Period(int sk) => PeriodSurrogateKey.Parse(sk).Value;

    private static string Scaled(long value, int scale) =>
        (value / (decimal)Math.Pow(10, scale)).ToString(CultureInfo.InvariantCulture);
}
