namespace Governance.TestSupport;

/// <summary>A county with two towns: T1 (villages A, B) and T2 (village C), collective operating income for 2023 and 2024, village targets for 2024.</summary>
public static class TwoTownships
{
    public const string County = "361100000000";
    public const string T1 = "361100101000";
    public const string T2 = "361100102000";
    public const string A = "361100101200";
    public const string B = "361100101201";
    public const string C = "361100102200";
    public const string Income = "CE_OPERATING_INCOME";

    /// <summary>Income per village and year: A 10 then 12, B 20 then 25, C 100 then 130.</summary>
    public static readonly IReadOnlyDictionary<(string Village, int Year), decimal> Incomes = new Dictionary<(string, int), decimal>
    {
        [(A, 2023)] = 10,
        [(A, 2024)] = 12,
        [(B, 2023)] = 20,
        [(B, 2024)] = 25,
        [(C, 2023)] = 100,
        [(C, 2024)] = 130,
    };

    public static async Task LoadAsync(TestWarehouse warehouse)
    {
        var some = new Some(warehouse)
            .Area(County, "县").Area(T1, "一镇").Area(T2, "二镇")
            .Area(A, "甲村", urbanRural: "220").Area(B, "乙村", urbanRural: "220").Area(C, "丙村", urbanRural: "220")
            .Target(Income, A, "2024", 15).Target(Income, B, "2024", 20).Target(Income, C, "2024", 150);
        foreach (var ((village, year), value) in Incomes)
        {
            some.Value(Income, village, year.ToString(System.Globalization.CultureInfo.InvariantCulture), value);
        }

        await some.SaveAsync();
    }
}
