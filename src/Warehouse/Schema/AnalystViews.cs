using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.Warehouse.Schema;

/// <summary>
/// The analyst views of <c>sql/views/</c> (embedded at build), created by a migration on every provider. The view text
/// is portable SQL (CTEs, CASE, explicit joins) that SQLite, PostgreSQL and SQL Server all accept as written; a changed
/// view needs a new migration that drops and re-creates it.
/// </summary>
public static class AnalystViews
{
    /// <summary>In dependency order: later views select from earlier ones.</summary>
    public static IReadOnlyList<string> Names { get; } = ["vw_indicator_value", "vw_village_income_by_year", "vw_compound_coverage_by_township_quarter"];

    public static string Body(string name)
    {
        var resource = $"Governance.Warehouse.Views.{name}.sql";
        using var stream = typeof(AnalystViews).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The view {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n").TrimEnd();
    }

    public static void Create(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var name in Names)
        {
            migrationBuilder.Sql($"create view {name} as\n{Body(name)};\n");
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var name in Names.Reverse())
        {
            migrationBuilder.Sql($"drop view {name};");
        }
    }
}
