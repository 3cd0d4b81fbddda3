namespace Governance.Api.Exports;

/// <summary>What the second sheet of a workbook tells about a table: its title, the query, and the warehouse's state.</summary>
public sealed record ExportAbout(string Title, string? Report, string Query, string? Variables, string Scope, WarehouseAsOf AsOf, DateTimeOffset ExportedAt);
