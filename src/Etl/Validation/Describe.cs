using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Validation;

/// <summary>Chinese and English words for the terms a reject message uses.</summary>
public static class Describe
{
    public static string Grain(PeriodGrain grain) => grain switch
    {
        PeriodGrain.Year => "年度 (yearly)",
        PeriodGrain.Quarter => "季度 (quarterly)",
        _ => "月度 (monthly)",
    };

    public static string Reporters(CaptureLevel level) => level switch
    {
        CaptureLevel.Villages => "行政村 (villages)",
        CaptureLevel.Communities => "社区 (communities)",
        CaptureLevel.VillagesAndCommunities => "村和社区 (villages and communities)",
        _ => "乡镇街道 (townships, towns and streets)",
    };

    public static string Kind(AreaKind kind) => kind switch
    {
        AreaKind.Street => "街道 (street)",
        AreaKind.Town => "镇 (town)",
        AreaKind.Township => "乡 (township)",
        AreaKind.Community => "社区 (community)",
        AreaKind.Village => "行政村 (village)",
        _ => "县级以上区划 (county or above)",
    };

    public static bool Reports(CaptureLevel level, AreaKind kind) => level switch
    {
        CaptureLevel.Villages => kind == AreaKind.Village,
        CaptureLevel.Communities => kind == AreaKind.Community,
        CaptureLevel.VillagesAndCommunities => kind is AreaKind.Village or AreaKind.Community,
        _ => kind is AreaKind.Street or AreaKind.Town or AreaKind.Township,
    };

    public static string Indicator(Indicator indicator) => $"{indicator.NameZh} ({indicator.IndicatorCode})";
}
