
namespace Governance.TestSupport;

/// <summary>The worked examples of SEMANTICS.md: town T, villages V1-V4 (V2 and V3 merge into V4 at the start of 2024), communities K1, K2.</summary>
public static class SemanticsScenario
{
    public const string Province = "360000000000";
    public const string County = "361100000000";
    public const string T = "361100101000";
    public const string V1 = "361100101200";
    public const string V2 = "361100101201";
    public const string V3 = "361100101202";
    public const string V4 = "361100101210";
    public const string K1 = "361100101001";
    public const string K2 = "361100101002";

    public static async Task LoadAsync(TestWarehouse warehouse)
    {
        var merged = Some.Date("2024-01-01");
        var lastDay = Some.Date("2023-12-31");
        await new Some(warehouse)
            .Area(Province, "江西省").Area(County, "新余市").Area(T, "T镇", urbanRural: "121")
            .Area(V1, "V1村", urbanRural: "220").Area(V2, "V2村", to: lastDay).Area(V3, "V3村", to: lastDay).Area(V4, "V4村", from: merged, urbanRural: "220")
            .Area(K1, "K1社区", urbanRural: "111").Area(K2, "K2社区", urbanRural: "111")
            .Replaces(V4, V2, merged).Replaces(V4, V3, merged)
            .Value("CE_OPERATING_INCOME", V1, "2021", 7).Value("CE_OPERATING_INCOME", V2, "2021", 3).Value("CE_OPERATING_INCOME", V3, "2021", 2)
            .Value("CE_OPERATING_INCOME", V1, "2022", 8).Value("CE_OPERATING_INCOME", V2, "2022", 3).Value("CE_OPERATING_INCOME", V3, "2022", 4)
            .Value("CE_OPERATING_INCOME", V1, "2023", 10).Value("CE_OPERATING_INCOME", V2, "2023", 4)
            .Value("CE_OPERATING_INCOME", V1, "2024", 12).Value("CE_OPERATING_INCOME", V4, "2024", 9)
            .Value("GOV_GRIDS", V1, "2024Q1", 4).Value("GOV_GRIDS", V1, "2024Q2", 4).Value("GOV_GRIDS", V1, "2024Q3", 5).Value("GOV_GRIDS", V1, "2024Q4", 5)
            .Value("GOV_GRIDS", K1, "2024Q1", 3).Value("GOV_GRIDS", K1, "2024Q2", 3)
            .Value("CAD_TRAINING_SESSIONS", T, "202401", 2).Value("CAD_TRAINING_SESSIONS", T, "202402", 0).Value("CAD_TRAINING_SESSIONS", T, "202403", 1)
            .Value("ORG_COMPOUNDS", K1, "2024Q2", 10).Value("ORG_COMPOUNDS_WITH_BRANCH", K1, "2024Q2", 8)
            .Value("ORG_COMPOUNDS", K2, "2024Q2", 5).Value("ORG_COMPOUNDS_WITH_BRANCH", K2, "2024Q2", 5)
            .Value("CAD_EVAL_SCORE", V1, "2024", 90).Value("CAD_VILLAGE_CADRES", V1, "2024", 5)
            .Value("CAD_EVAL_SCORE", V4, "2024", 80).Value("CAD_VILLAGE_CADRES", V4, "2024", 10)
            .SaveAsync();
    }
}
