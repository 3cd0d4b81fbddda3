using Governance.Etl.Loading;

namespace Governance.Etl.Scheduling;

/// <summary>What one inbox run did with one file: the load result, where the file went and where its report is (a Failed file stays where it was, with no report).</summary>
public sealed record InboxOutcome(string FileName, LoadResult Result, string MovedTo, string? ReportPath);
