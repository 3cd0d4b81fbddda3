namespace Governance.Etl.Loading;

/// <summary>
/// The (area, period, indicator) keys a file has staged, so that a clean file needs no duplicate query at all and a file
/// with a repeated key is known while it streams. One bitmap over the warehouse's area keys per (period, indicator) the
/// file reports: a bit a key, whatever the number of rows (25,000 villages over 7 years of 48 values are 336 bitmaps of
/// 3 KiB). Exact: no key is ever mistaken for a repeat. Past <see cref="MaxBytes"/> of bitmaps (a file spanning thousands
/// of periods and indicators), every new (period, indicator) counts as a possible repeat and the database checks.
/// </summary>
internal sealed class StagedKeys(int maxAreaSk)
{
    public const long MaxBytes = 64L << 20;
    private readonly Dictionary<long, ulong[]> _bitmaps = [];
    private readonly int _words = (Math.Max(maxAreaSk, 0) >> 6) + 1;

    /// <summary>Keys added more than once, or that could not be kept (then only the database can tell).</summary>
    public int Repeats { get; private set; }

    /// <summary>Some key could not be kept (an area key past the bitmaps, or past <see cref="MaxBytes"/>): <see cref="Pairs"/> and <see cref="AreaSks"/> are then incomplete.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The (indicator, period) pairs the file staged.</summary>
    public IEnumerable<(int IndicatorSk, int PeriodSk)> Pairs => _bitmaps.Keys.Select(pair => ((int)(uint)pair, (int)(pair >> 32)));

    /// <summary>The area keys the file staged, over every pair.</summary>
    public IEnumerable<int> AreaSks()
    {
        var union = new ulong[_words];
        foreach (var bitmap in _bitmaps.Values)
        {
            for (var w = 0; w < _words; w++)
            {
                union[w] |= bitmap[w];
            }
        }

        for (var w = 0; w < _words; w++)
        {
            for (var word = union[w]; word != 0; word &= word - 1)
            {
                yield return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
            }
        }
    }

    /// <summary>Bytes held by the bitmaps.</summary>
    public long Bytes { get; private set; }

    /// <summary>Adds the key; false when the file already had it.</summary>
    public bool Add(int areaSk, int periodSk, int indicatorSk)
    {
        if (areaSk < 0 || (areaSk >> 6) >= _words)
        {
            Repeats++;
            Overflowed = true;
            return false;
        }

        var pair = ((long)periodSk << 32) | (uint)indicatorSk;
        if (!_bitmaps.TryGetValue(pair, out var bitmap))
        {
            if (Bytes + (_words * sizeof(ulong)) > MaxBytes)
            {
                Repeats++;
                Overflowed = true;
                return false;
            }

            bitmap = new ulong[_words];
            _bitmaps.Add(pair, bitmap);
            Bytes += _words * sizeof(ulong);
        }

        var bit = 1UL << (areaSk & 63);
        ref var word = ref bitmap[areaSk >> 6];
        if ((word & bit) != 0)
        {
            Repeats++;
            return false;
        }

        word |= bit;
        return true;
    }
}
