namespace Governance.Etl.Validation;

/// <summary>The rule codes recorded in etl_reject.rule.</summary>
public static class RejectRule
{
    public const string FileUnreadable = "file_unreadable";
    public const string FileTooLarge = "file_too_large";
    public const string FileNotRegular = "file_not_regular";
    public const string MissingColumn = "missing_column";
    public const string UnknownArea = "unknown_area";
    public const string AreaNotValidInPeriod = "area_not_valid_in_period";
    public const string UnknownIndicator = "unknown_indicator";
    public const string DerivedIndicator = "derived_indicator";
    public const string ValueNotANumber = "value_not_a_number";
    public const string ValueOutOfRange = "value_out_of_range";
    public const string PeriodMalformed = "period_malformed";
    public const string PeriodTooFine = "period_too_fine";
    public const string WrongCaptureLevel = "wrong_capture_level";
    public const string DuplicateConflict = "duplicate_conflict";
    public const string PartExceedsWhole = "part_exceeds_whole";
    public const string UnknownStatus = "unknown_status";
    public const string AreaCodeMalformed = "area_code_malformed";
    public const string NameMissing = "name_missing";
    public const string UrbanRuralMalformed = "urban_rural_malformed";
    public const string DateMalformed = "date_malformed";
    public const string ValidityOverlap = "validity_overlap";
}
