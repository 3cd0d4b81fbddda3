using Governance.Etl.Loading;

namespace Governance.Etl.Tests.Loading;

public sealed class StagedKeysTests
{
    [Fact]
    public void AKeyAddedAgainIsARepeatAndKeysDifferingInOnePartAreNot()
    {
        var keys = new StagedKeys();

        var added = new[]
        {
            keys.Add(1, 2023000, 5),
            keys.Add(1, 2023000, 5),
            keys.Add(1, 2024000, 5),
            keys.Add(1, 2023000, 6),
            keys.Add(2, 2023000, 5),
            keys.Add(1, 2023200, 5),
        };

        Assert.Equal([true, false, true, true, true, true], added);
        Assert.Equal(1, keys.Repeats);
    }

    [Fact]
    public void EveryKeyIsKeptWhileTheSetGrows()
    {
        var keys = new StagedKeys();
        var firstTime = 0;
        for (var area = 1; area <= 5_000; area++)
        {
            for (var indicator = 1; indicator <= 24; indicator++)
            {
                firstTime += keys.Add(area, 2020000 + (indicator % 3 * 1000), indicator) ? 1 : 0;
            }
        }

        var again = keys.Add(4_321, 2020000 + (7 % 3 * 1000), 7);

        Assert.Equal((120_000, false, 1), (firstTime, again, keys.Repeats));
    }

    [Fact]
    public void AKeyOutsideThePackedRangeCountsAsARepeatSoTheDatabaseChecks()
    {
        var keys = new StagedKeys();

        Assert.False(keys.Add(1, 1999000, 5));
        Assert.False(keys.Add(1, 2023000, 70_000));
        Assert.Equal(2, keys.Repeats);
    }
}
