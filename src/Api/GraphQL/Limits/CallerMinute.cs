namespace Governance.Api.GraphQL.Limits;

/// <summary>One caller's current minute in this instance (<see cref="SharedRequestBudget"/>); guarded by a lock on itself.</summary>
internal sealed class CallerMinute
{
    /// <summary>One lease at a time per caller: concurrent requests wait for it, then take from it.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The minute's start (Unix seconds) the other values are of.</summary>
    public long Window { get; private set; } = long.MinValue;

    /// <summary>Leased permits not used yet.</summary>
    public long Available { get; private set; }

    /// <summary>The shared count the last lease returned (every instance's grants of the minute).</summary>
    public long SharedCount { get; private set; }

    /// <summary>The shared count has reached the limit: no further lease can grant anything this minute.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Requests this instance admitted in the minute.</summary>
    public long Admitted { get; private set; }

    /// <summary>Requests admitted while counting alone, not in the shared count yet.</summary>
    public long Unrecorded { get; private set; }

    /// <summary>A new minute starts from nothing.</summary>
    public void Roll(long window)
    {
        if (window == Window)
        {
            return;
        }

        (Window, Available, SharedCount, Exhausted, Admitted, Unrecorded) = (window, 0, 0, false, 0, 0);
    }

    public bool TakeLeased()
    {
        if (Available == 0)
        {
            return false;
        }

        Available--;
        Admitted++;
        return true;
    }

    /// <summary>Counting alone (the database did not answer): up to the limit in this instance.</summary>
    public bool AdmitAlone(long limit)
    {
        if (Admitted >= limit)
        {
            return false;
        }

        Admitted++;
        Unrecorded++;
        return true;
    }

    /// <summary>
    /// The database added <paramref name="unrecorded"/> + <paramref name="lease"/> and returned <paramref name="count"/>:
    /// the lease's permits are those of count - lease + 1 .. count that lie within the limit.
    /// </summary>
    public void AddLease(long window, long count, long lease, long unrecorded, long limit)
    {
        if (window != Window)
        {
            return; // the minute ended while the lease was on its way
        }

        Unrecorded -= unrecorded;
        Available += Math.Clamp(limit - (count - lease), 0, lease);
        SharedCount = count;
        Exhausted = count >= limit;
    }
}
