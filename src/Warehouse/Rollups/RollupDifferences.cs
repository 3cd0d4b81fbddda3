namespace Governance.Warehouse.Rollups;

/// <summary>What a check found: every difference counted, the first <c>most</c> kept to print.</summary>
internal sealed class RollupDifferences(int most)
{
    private readonly List<string> _listed = [];

    public long Count { get; private set; }

    public IReadOnlyList<string> Listed => _listed;

    public void Add(string difference)
    {
        Count++;
        if (_listed.Count < most)
        {
            _listed.Add(difference);
        }
    }
}
