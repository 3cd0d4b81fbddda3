using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Rollups;

/// <summary>The area levels roll-ups are kept at, and the digits of a code that name an area at each.</summary>
internal static class RollupLevels
{
    /// <summary>The nation, stored as level 0 with the code <c>000000000000</c>.</summary>
    public const int Nation = 0;

    /// <summary>The level above the one an indicator is reported at: townships for villages and communities, counties for townships.</summary>
    public static AreaLevel FinestAbove(CaptureLevel capture) => capture == CaptureLevel.Townships ? AreaLevel.County : AreaLevel.Township;

    /// <summary>The levels from <paramref name="finest"/> up to the nation, finest first.</summary>
    public static IEnumerable<int> Upwards(AreaLevel finest)
    {
        for (var level = (int)finest; level >= Nation; level--)
        {
            yield return level;
        }
    }

    /// <summary>Digits of a code naming its area at a level (0 for the nation).</summary>
    public static int KeyLength(int level) => level switch
    {
        Nation => 0,
        (int)AreaLevel.Province => 2,
        (int)AreaLevel.Prefecture => 4,
        (int)AreaLevel.County => 6,
        (int)AreaLevel.Township => 9,
        _ => 12,
    };

    /// <summary>A prefix cut to what names an area at a level: the roll-up rows a change under it touches there.</summary>
    public static string Cut(string prefix, int level) => prefix.Length > KeyLength(level) ? prefix[..KeyLength(level)] : prefix;

    /// <summary>The level's name for messages: NATION, PROVINCE, ... TOWNSHIP.</summary>
    public static string Name(int level) => level == Nation ? "NATION" : ((AreaLevel)level).ToString().ToUpperInvariant();
}
