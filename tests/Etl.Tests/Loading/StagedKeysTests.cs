using Governance.Etl.Loading;

namespace Governance.Etl.Tests.Loading;

public sealed class StagedKeysTests
{
    [Fact]
    public void AKeyAddedAgainIsARepeatAndKeysDifferingInOnePartAreNot()
    {
        var keys = new StagedKeys(maxAreaSk: 100);

        var added = new[]
        {
            keys.Add(1, 2023000, 5),
            keys.Add(1, 2023000, 5),
            keys.Add(1, 2024000, 5),
            keys.Add(1, 2023000, 6),
            keys.Add(2, 2023000, 5),
            keys.Add(1, 2023200, 5),
            keys.Add(65, 2023000, 5),
            keys.Add(100, 2023000, 5),
            keys.Add(100, 2023000, 5),
        };

        Assert.Equal([true, false, true, true, true, true, true, true, false], added);
        Assert.Equal(2, keys.Repeats);
    }

    [Fact]
    public void EveryKeyOfAProvinceSizedFileIsKeptExactlyInAFewBitmaps()
    {
        // 25,000 villages x 7 years x 48 values: 8.4 million keys, each (period, indicator) one bitmap of 25,001 bits.
        var keys = new StagedKeys(maxAreaSk: 25_000);
        var firstTime = 0;
        for (var area = 1; area <= 25_000; area++)
        {
            for (var year = 2018; year <= 2024; year++)
            {
                for (var value = 0; value < 48; value++)
                {
                    var (indicator, period) = value < 16 ? (value + 1, year * 1000) : (17 + ((value - 16) / 4), (year * 1000) + (100 * (1 + ((value - 16) % 4))));
                    firstTime += keys.Add(area, period, indicator) ? 1 : 0;
                }
            }
        }

        var again = keys.Add(4_321, 2021300, 20);

        Assert.Equal((8_400_000, false, 1), (firstTime, again, keys.Repeats));
        Assert.Equal(7 * 48 * 391 * 8, keys.Bytes); // 336 bitmaps of ceil(25,001 / 64) = 391 words
    }

    [Fact]
    public void PastTheByteCapNewPairsCountAsRepeatsSoTheDatabaseChecks()
    {
        // 8 MiB bitmaps (2^26 area keys): the 64 MiB cap holds 8 of them.
        var keys = new StagedKeys(maxAreaSk: (1 << 26) - 1);
        var added = 0;
        for (var indicator = 1; indicator <= 10; indicator++)
        {
            added += keys.Add(7, 2023000, indicator) ? 1 : 0;
        }

        Assert.Equal((8, 2, StagedKeys.MaxBytes), (added, keys.Repeats, keys.Bytes));
        Assert.False(keys.Add(7, 2023000, 1));
        Assert.True(keys.Add(8, 2023000, 1));
    }

    [Fact]
    public void AnAreaKeyOutsideTheWarehousesRangeCountsAsARepeatSoTheDatabaseChecks()
    {
        var keys = new StagedKeys(maxAreaSk: 63);

        Assert.False(keys.Add(64, 2023000, 5));
        Assert.False(keys.Add(-1, 2023000, 5));
        Assert.True(keys.Add(63, 2023000, 5));
        Assert.Equal(2, keys.Repeats);
    }
}
