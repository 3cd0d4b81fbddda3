using System.Numerics;
using Governance.Warehouse;

namespace Governance.Etl.Loading;

/// <summary>
/// The (area, period, indicator) keys a file has staged, each packed into 64 bits in an open-addressing set (8 bytes a
/// key: 6 million keys take 64 MiB), so that a clean file needs no duplicate query at all and a file with a repeated key
/// is known while it streams.
/// </summary>
internal sealed class StagedKeys
{
    private const long Occupied = long.MinValue;
    private const int FirstPeriodSk = WarehouseSeeder.FirstYear * 1000;
    private long[] _slots = new long[1 << 16];
    private int _count;

    /// <summary>Keys added more than once, or that could not be packed (then only the database can tell).</summary>
    public int Repeats { get; private set; }

    /// <summary>Adds the key; false when the file already had it.</summary>
    public bool Add(int areaSk, int periodSk, int indicatorSk)
    {
        var period = periodSk - FirstPeriodSk;
        if (areaSk < 0 || period is < 0 or > ushort.MaxValue || indicatorSk is < 0 or > ushort.MaxValue)
        {
            Repeats++;
            return false;
        }

        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        var key = Occupied | ((long)areaSk << 32) | ((long)period << 16) | (long)indicatorSk;
        if (!Insert(_slots, key))
        {
            Repeats++;
            return false;
        }

        _count++;
        return true;
    }

    private static bool Insert(long[] slots, long key)
    {
        var mask = slots.Length - 1;
        var shift = 64 - BitOperations.Log2((uint)slots.Length);
        for (var i = (int)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> shift); ; i = (i + 1) & mask)
        {
            if (slots[i] == 0)
            {
                slots[i] = key;
                return true;
            }

            if (slots[i] == key)
            {
                return false;
            }
        }
    }

    private void Grow()
    {
        var larger = new long[_slots.Length * 2];
        foreach (var key in _slots)
        {
            if (key != 0)
            {
                Insert(larger, key);
            }
        }

        _slots = larger;
    }
}
