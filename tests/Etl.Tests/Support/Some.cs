namespace Governance.Etl.Tests.Support;

/// <summary>
/// The town of SEMANTICS.md: T 361100101000 with villages V1-V3, communities K1 and K2; V2 and V3 merge into V4 at
/// the start of 2024. Also a street S (a township-level area of another kind) for capture-level tests.
/// </summary>
public static class Some
{
    /// <summary>361100 has no county digits: by its code this is a prefecture, the level above the town.</summary>
    public const string County = "361100000000";
    public const string Town = "361100101000";
    public const string Street = "361100001000";
    public const string V1 = "361100101200";
    public const string V2 = "361100101201";
    public const string V3 = "361100101202";
    public const string V4 = "361100101210";
    public const string K1 = "361100101001";
    public const string K2 = "361100101002";

    /// <summary>The area list before the merge: V2 and V3 open-ended.</summary>
    public const string AreasBeforeMerge =
        "code,name,urban_rural\n"
        + County + ",样例县,\n"
        + Town + ",样例镇,121\n"
        + Street + ",样例街道,111\n"
        + V1 + ",一村,220\n"
        + V2 + ",二村,220\n"
        + V3 + ",三村,220\n"
        + K1 + ",一社区,111\n"
        + K2 + ",二社区,111\n";

    /// <summary>The revision that merges V2 and V3 into V4 from 2024-01-01.</summary>
    public const string Merge =
        "code,name,urban_rural,valid_from,replaces\n"
        + V4 + ",四村,220,2024-01-01," + V2 + ";" + V3 + "\n";

    public static string LongFile(params string[] rows) => "area_code,period,indicator,value\n" + string.Join("\n", rows) + "\n";
}
