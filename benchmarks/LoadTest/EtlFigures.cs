namespace Governance.LoadTest;

/// <summary>What the concurrent ETL did: loads finished and failed, rows written, time spent loading.</summary>
internal sealed class EtlFigures
{
    public int Loads { get; private set; }

    public int Failed { get; private set; }

    public long Rows { get; private set; }

    public TimeSpan Loading { get; private set; }

    public void Add(long rows, TimeSpan took, bool succeeded)
    {
        Loads++;
        Loading += took;
        if (succeeded)
        {
            Rows += rows;
        }
        else
        {
            Failed++;
        }
    }
}
