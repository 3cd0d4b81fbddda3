using static Governance.TestSupport.SemanticsScenario;

namespace Governance.TestSupport;

/// <summary>
/// The absolute-change examples of SEMANTICS.md, on top of <see cref="SemanticsScenario"/>: compound coverage of T falls
/// from 90% (2023Q4) to 64% (2024Q4), party members fall in three of the villages and communities, V1's operating
/// profit rises from 10.1 to 12.3 万元.
/// </summary>
public static class ChangeScenario
{
    public static async Task LoadAsync(TestWarehouse warehouse)
    {
        await SemanticsScenario.LoadAsync(warehouse);
        await new Some(warehouse)
            .Value("ORG_COMPOUNDS", K1, "2023Q4", 6).Value("ORG_COMPOUNDS_WITH_BRANCH", K1, "2023Q4", 5)
            .Value("ORG_COMPOUNDS", K2, "2023Q4", 4).Value("ORG_COMPOUNDS_WITH_BRANCH", K2, "2023Q4", 4)
            .Value("ORG_COMPOUNDS", K1, "2024Q4", 15).Value("ORG_COMPOUNDS_WITH_BRANCH", K1, "2024Q4", 9)
            .Value("ORG_COMPOUNDS", K2, "2024Q4", 10).Value("ORG_COMPOUNDS_WITH_BRANCH", K2, "2024Q4", 7)
            .Value("ORG_PARTY_MEMBERS", V1, "2023", 50).Value("ORG_PARTY_MEMBERS", V2, "2023", 30)
            .Value("ORG_PARTY_MEMBERS", K1, "2023", 40).Value("ORG_PARTY_MEMBERS", K2, "2023", 20)
            .Value("ORG_PARTY_MEMBERS", V1, "2024", 40).Value("ORG_PARTY_MEMBERS", V4, "2024", 35)
            .Value("ORG_PARTY_MEMBERS", K1, "2024", 32).Value("ORG_PARTY_MEMBERS", K2, "2024", 12)
            .Value("CE_OPERATING_PROFIT", V1, "2023", 10.1m).Value("CE_OPERATING_PROFIT", V1, "2024", 12.3m)
            .SaveAsync();
    }
}
