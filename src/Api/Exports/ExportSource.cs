using GraphQL;

namespace Governance.Api.Exports;

/// <summary>Where an exported answer came from: the document and variables it ran with, and a saved report's name and title.</summary>
public sealed record ExportSource(string Query, Inputs? Variables, string? OperationName, string? Report = null, string? Title = null);
