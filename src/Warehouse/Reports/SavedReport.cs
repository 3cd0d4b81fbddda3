namespace Governance.Warehouse.Reports;

/// <summary>
/// A saved report: a named GraphQL query with declared variables, served at <c>GET /reports/{name}.csv|.xlsx|.json</c>.
/// Kept in the warehouse, so that every API instance on the database serves the same reports.
/// </summary>
public sealed class SavedReport
{
    /// <summary>The report's name in its URL: lower-case letters, digits, '-' and '_' (see <see cref="SavedReportStore.IsValidName"/>).</summary>
    public required string Name { get; set; }

    /// <summary>What the report shows, in words (the workbook's title).</summary>
    public string? Title { get; set; }

    /// <summary>The GraphQL document: one query operation, checked against the schema when it was saved.</summary>
    public required string Document { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
