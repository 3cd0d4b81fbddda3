using Governance.Warehouse.Facts;

namespace Governance.Etl.Validation;

/// <summary>
/// A value that passed the row rules, resolved to surrogate keys, waiting in the staging table for the file-wide rules
/// (duplicates, part larger than whole). <see cref="WholeIndicatorSk"/> and <see cref="WholePeriodSk"/> name the value
/// this one is a part of, when it is one.
/// </summary>
public sealed record StagedFact(
    SourcePosition At,
    string RawValue,
    int AreaSk,
    int PeriodSk,
    int IndicatorSk,
    decimal Value,
    ValueStatus Status,
    string? Note,
    int? WholeIndicatorSk,
    int? WholePeriodSk);
