namespace Governance.Warehouse.Querying.Contracts;

/// <summary>
/// The optional parts of an observation that cost SQL work: the API asks only for those its caller selected, so that a
/// dashboard asking for values alone pays for one grouped query over the requested periods.
/// </summary>
[Flags]
public enum ObservationParts
{
    /// <summary>Values (with numerator and denominator) only.</summary>
    None = 0,

    /// <summary>Previous value, period and year-on-year growth and change: the facts of one year more.</summary>
    Growth = 1,

    /// <summary>Reporting units: a distinct count of the units behind each row.</summary>
    ReportingUnits = 2,

    /// <summary>Expected units: a second grouped query over the area dimension.</summary>
    ExpectedUnits = 4,

    /// <summary>The area of every row (names, class and kind), for filters on them.</summary>
    Areas = 8,

    All = Growth | ReportingUnits | ExpectedUnits | Areas,
}
