using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Governance.Warehouse;
using Governance.Warehouse.Replicas;
using Governance.Warehouse.Security;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL.Limits;

/// <summary>
/// <c>Api:Limits:RequestsPerMinute</c> shared by every API instance on the warehouse: each caller's count of the current
/// minute (Unix minutes, by the instance's clock) lives in <c>sec_request_count</c> on the primary. An instance leases
/// permits from it, an eighth of what is left of the caller's minute at a time (<see cref="LeaseDivisor"/>, at least one,
/// so near the limit every request is one upsert), and admits from its lease without a round trip. The instances
/// together never admit more than the limit; a lease an instance does not use (its caller's requests went elsewhere)
/// is lost with the minute. When the database does not answer within <see cref="RequestCountStore.Timeout"/>, the
/// instance says so in its log and counts alone for <see cref="LocalSpell"/> (each instance then admits up to the limit),
/// and adds what it admitted meanwhile to the shared count once the database answers again.
/// </summary>
public sealed class SharedRequestBudget
{
    /// <summary>A lease is this fraction of what is left of the caller's minute.</summary>
    public const int LeaseDivisor = 8;

    /// <summary>How long an instance counts alone after the database failed to answer, before it tries again.</summary>
    public static readonly TimeSpan LocalSpell = TimeSpan.FromSeconds(5);

    private const long WindowSeconds = 60;

    private readonly ConcurrentDictionary<string, CallerMinute> _callers = new(StringComparer.Ordinal);
    private readonly RequestCountStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<SharedRequestBudget> _logger;
    private readonly long _limit;
    private long _localUntilTicks;
    private int _outage;

    public SharedRequestBudget(IOptions<LimitOptions> options, WarehouseSettings settings, RequestCountStore store, TimeProvider clock, ILogger<SharedRequestBudget> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        _store = store;
        _clock = clock;
        _logger = logger;
        _limit = options.Value.RequestsPerMinute;
        Enabled = _limit > 0 && (options.Value.ShareRequestCounts ?? settings.Provider != WarehouseProvider.Sqlite);
    }

    /// <summary>True when the per-minute limit is on and shared through the warehouse (else each process counts alone).</summary>
    public bool Enabled { get; }

    /// <summary>Null when the caller's request is admitted; else how long until the caller's minute ends.</summary>
    public async ValueTask<TimeSpan?> AdmitAsync(string caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller = Fit(caller);
        var minute = _callers.GetOrAdd(caller, static _ => new CallerMinute());
        while (true)
        {
            var now = _clock.GetUtcNow();
            var window = now.ToUnixTimeSeconds() / WindowSeconds * WindowSeconds;
            var local = now.UtcTicks < Interlocked.Read(ref _localUntilTicks);
            lock (minute)
            {
                minute.Roll(window);
                if (local)
                {
                    return minute.AdmitAlone(_limit) ? null : Remaining(now, window);
                }

                if (minute.TakeLeased())
                {
                    return null;
                }

                if (minute.Exhausted)
                {
                    return Remaining(now, window);
                }
            }

            await minute.Gate.WaitAsync(cancellationToken);
            try
            {
                await LeaseAsync(caller, minute, window, cancellationToken);
            }
            finally
            {
                minute.Gate.Release();
            }
        }
    }

    /// <summary>Deletes the shared counts of minutes before the previous one, and forgets callers not seen this minute.</summary>
    public async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var window = _clock.GetUtcNow().ToUnixTimeSeconds() / WindowSeconds * WindowSeconds;
        foreach (var (caller, minute) in _callers)
        {
            lock (minute)
            {
                if (minute.Window < window)
                {
                    _callers.TryRemove(new KeyValuePair<string, CallerMinute>(caller, minute));
                }
            }
        }

        await _store.DeleteBeforeAsync(window - WindowSeconds, cancellationToken);
    }

    private async Task LeaseAsync(string caller, CallerMinute minute, long window, CancellationToken cancellationToken)
    {
        long lease, unrecorded;
        lock (minute)
        {
            minute.Roll(window);
            if (minute.Available > 0 || minute.Exhausted)
            {
                return; // another request of this caller leased meanwhile
            }

            lease = Math.Max(1, (_limit - minute.SharedCount) / LeaseDivisor);
            unrecorded = minute.Unrecorded;
        }

        long granted;
        try
        {
            granted = await _store.AddAsync(caller, window, unrecorded + lease, cancellationToken);
        }
        catch (Exception e) when (IsDatabaseFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            CountAlone(e);
            return;
        }

        if (Interlocked.Exchange(ref _outage, 0) == 1)
        {
            _logger.LogInformation("Requests per minute are counted in the warehouse again ({Table}), shared by every API instance", RequestCountStore.Table);
        }

        lock (minute)
        {
            minute.AddLease(window, granted, lease, unrecorded, _limit);
        }
    }

    private void CountAlone(Exception e)
    {
        Interlocked.Exchange(ref _localUntilTicks, (_clock.GetUtcNow() + LocalSpell).UtcTicks);
        if (Interlocked.Exchange(ref _outage, 1) == 0)
        {
            _logger.LogWarning(
                "Requests per minute are counted in this process only: the warehouse's shared counts ({Table} on the primary) did not answer ({Problem}); this instance admits up to Api:Limits:RequestsPerMinute ({Limit}) per caller alone, and tries the warehouse again every {Seconds} s",
                RequestCountStore.Table, ReadFailure.Describe(e), _limit, LocalSpell.TotalSeconds);
        }
    }

    private static bool IsDatabaseFailure(Exception e) =>
        e is DbException or TimeoutException or OperationCanceledException or InvalidOperationException or SocketException or IOException;

    private static TimeSpan Remaining(DateTimeOffset now, long window) =>
        DateTimeOffset.FromUnixTimeSeconds(window + WindowSeconds) - now;

    /// <summary>A caller longer than the table's column (an IPv6 address with a zone, say) by its hash.</summary>
    private static string Fit(string caller) => caller.Length <= RequestCountStore.MaxCallerLength
        ? caller
        : "long:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caller)))[..32];
}
