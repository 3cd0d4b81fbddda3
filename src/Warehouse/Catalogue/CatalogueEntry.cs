using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Catalogue;

/// <summary>One indicator as the catalogue file spells it.</summary>
public sealed record CatalogueEntry(
    string Code,
    string NameZh,
    string NameEn,
    string Unit,
    string Category,
    string Definition,
    bool Derived,
    CaptureLevel CaptureLevel,
    PeriodGrain NativeGrain,
    TimeAggregation? TimeAggregation,
    AreaAggregation AreaAggregation,
    string? Numerator = null,
    string? Denominator = null,
    string? Weight = null,
    string? ThresholdParameter = null,
    ThresholdComparison? Comparison = null,
    decimal? Scale = null,
    bool NumeratorYearToDate = false,
    bool DenominatorIsExpectedUnits = false,
    decimal? MinValue = null,
    decimal? MaxValue = null,
    bool IsFlag = false,
    string? PartOf = null,
    int SortOrder = 0)
{
    public void CopyTo(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        indicator.IndicatorCode = Code;
        indicator.NameZh = NameZh;
        indicator.NameEn = NameEn;
        indicator.Unit = Unit;
        indicator.Category = Category;
        indicator.Definition = Definition;
        indicator.IsDerived = Derived;
        indicator.CaptureLevel = CaptureLevel;
        indicator.NativeGrain = NativeGrain;
        indicator.TimeAggregation = TimeAggregation;
        indicator.AreaAggregation = AreaAggregation;
        indicator.NumeratorCode = Numerator;
        indicator.DenominatorCode = Denominator;
        indicator.WeightCode = Weight;
        indicator.ThresholdParameter = ThresholdParameter;
        indicator.ThresholdComparison = Comparison;
        indicator.Scale = Scale ?? 1m;
        indicator.NumeratorYearToDate = NumeratorYearToDate;
        indicator.DenominatorIsExpectedUnits = DenominatorIsExpectedUnits;
        indicator.MinValue = MinValue;
        indicator.MaxValue = MaxValue;
        indicator.IsFlag = IsFlag;
        indicator.PartOfCode = PartOf;
        indicator.SortOrder = SortOrder;
    }
}
