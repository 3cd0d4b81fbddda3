namespace Governance.NationalBenchmark;

/// <summary>What was measured for one question (milliseconds) and the rows each side answered with.</summary>
internal sealed class Result
{
    public double ColdP50 { get; set; }

    public double ColdP95 { get; set; }

    public double WarmP50 { get; set; }

    public double WarmP95 { get; set; }

    public double SqlP50 { get; set; }

    public double SqlP95 { get; set; }

    public long ApiRows { get; set; }

    public long SqlRows { get; set; }

    /// <summary>Why the API's side could not be measured (its error), or null.</summary>
    public string? Failure { get; set; }
}
