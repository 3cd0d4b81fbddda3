using Governance.TestSupport;

namespace Governance.Api.Tests.Schema.Areas;

/// <summary>
/// A county C with town T; villages V1 (renamed in 2022), V2 and V3 (merged into V4 from 2024) and community K1; values
/// chosen so that every expected answer can be worked out by hand.
/// </summary>
internal static class AreaData
{
    public const string County = "361102000000";
    public const string Town = "361102101000";
    public const string V1 = "361102101200";
    public const string V2 = "361102101201";
    public const string V3 = "361102101202";
    public const string V4 = "361102101210";
    public const string K1 = "361102101001";

    public static Task SaveAsync(TestWarehouse warehouse) => new Some(warehouse)
        .Area(County, "测试县")
        .Area(Town, "红星镇")
        .Area(V1, "新村村", to: Some.Date("2021-12-31"))
        .Area(V1, "新村村委会", from: Some.Date("2022-01-01"), urbanRural: "220")
        .Area(V2, "老屋村", to: Some.Date("2023-12-31"))
        .Area(V3, "河口村", to: Some.Date("2023-12-31"))
        .Area(V4, "新河村", from: Some.Date("2024-01-01"))
        .Area(K1, "光明社区", urbanRural: "111")
        .Replaces(V4, V2, Some.Date("2024-01-01"))
        .Replaces(V4, V3, Some.Date("2024-01-01"))
        .Value("CE_OPERATING_INCOME", V1, "2021", 7)
        .Value("CE_OPERATING_INCOME", V1, "2022", 8)
        .Value("CE_OPERATING_INCOME", V1, "2023", 10)
        .Value("CE_OPERATING_INCOME", V1, "2024", 12.5m)
        .Value("CE_OPERATING_INCOME", V2, "2022", 3)
        .Value("CE_OPERATING_INCOME", V2, "2023", 4)
        .Value("CE_OPERATING_INCOME", V4, "2024", 9)
        .Value("GOV_GRIDS", V1, "2024Q1", 4)
        .Value("GOV_GRIDS", V1, "2024Q2", 4)
        .Value("GOV_GRIDS", V1, "2024Q3", 5)
        .Value("GOV_GRIDS", V1, "2024Q4", 6)
        .Value("GOV_GRIDS", K1, "2024Q1", 3)
        .Value("GOV_GRIDS", K1, "2024Q2", 2)
        .Value("CAD_TRAINING_SESSIONS", Town, "202401", 2)
        .Value("CAD_TRAINING_SESSIONS", Town, "202402", 0)
        .Value("CAD_TRAINING_SESSIONS", Town, "202403", 1)
        .Value("CAD_TRAINING_SESSIONS", Town, "202404", 4)
        .SaveAsync();
}
