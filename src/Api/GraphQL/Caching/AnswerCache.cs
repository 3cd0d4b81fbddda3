using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Governance.Warehouse;
using Governance.Warehouse.Replicas;
using Governance.Warehouse.Security;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Governance.Api.GraphQL.Caching;

/// <summary>
/// The answer cache: successful answers, serialized, keyed by <see cref="AnswerKey"/> (the warehouse version read at the
/// start of each request, the caller's role and areas, the document, the operation and the variables). A committed load
/// advances the version, so no older answer is reachable from then on; the first request to see a newer version also
/// drops every entry, so the memory they held comes back at once. Bounded by <c>Api:AnswerCache:SizeLimitMegabytes</c>
/// (least recently used first out). Identical requests that miss together execute once (no stampede when a load commits
/// and every dashboard asks again): the others wait for the first one's answer, or run themselves when it was not kept.
/// HybridCache has the same protection but stores whatever its factory returns, and an answer with errors must not be
/// kept, so the coalescing is done here over the memory cache. Hits and misses are counted in the <c>Governance.Api</c> meter (see /metrics).
/// </summary>
public sealed partial class AnswerCache : IDisposable
{
    /// <summary>The meter of the API's own instruments.</summary>
    public const string MeterName = "Governance.Api";

    /// <summary>The user-context entry where the outcome (<c>hit</c>, <c>miss</c>) is left for the endpoint's header.</summary>
    public const string OutcomeKey = "Governance.AnswerCache";

    /// <summary>The response header telling whether the answer came from the cache.</summary>
    public const string Header = "X-Answer-Cache";

    /// <summary>Field metadata: an answer selecting such a field is never cached (what it shows changes without a new version, e.g. the load journal).</summary>
    public const string NotCachedMetadata = "Governance.AnswerCache.NotCached";

    /// <summary>Memory an entry takes beyond its bytes (key, entry object), counted against the size limit.</summary>
    public const int EntryOverheadBytes = 256;

    /// <summary>User-context key of a request answered as a table (CSV, XLSX, JSON rows): it is executed, never served from the cache.</summary>
    public const string TableExportKey = "governance:table-export";

    private readonly MemoryCache _entries;
    private readonly AnswerCacheOptions _options;
    private readonly IDbContextFactory<WarehouseDbContext> _warehouse;
    private readonly TimeProvider _clock;
    private readonly ILogger<AnswerCache> _logger;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _coalesced;
    private readonly ConcurrentDictionary<string, Task<ReadOnlyMemory<byte>?>> _inFlight = new(StringComparer.Ordinal);
    private long _newestVersion = long.MinValue;
    private long _hitCount;
    private long _missCount;

    public AnswerCache(IOptions<AnswerCacheOptions> options, IDbContextFactory<WarehouseDbContext> warehouse, TimeProvider clock, IMeterFactory meters, ILogger<AnswerCache> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _options = options.Value;
        _warehouse = warehouse;
        _clock = clock;
        _logger = logger;
        SizeLimitBytes = _options.SizeLimitMegabytes * 1024L * 1024L;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = SizeLimitBytes, TrackStatistics = true });
        var meter = meters.Create(MeterName);
        _hits = meter.CreateCounter<long>("governance.answer_cache.hits", "{answer}", "Answers served from the answer cache.");
        _misses = meter.CreateCounter<long>("governance.answer_cache.misses", "{answer}", "Cacheable requests executed because the cache had no answer for them.");
        _stored = meter.CreateCounter<long>("governance.answer_cache.stored", "{answer}", "Answers added to the answer cache.");
        _coalesced = meter.CreateCounter<long>("governance.answer_cache.coalesced", "{answer}", "Hits that waited for an identical request already executing instead of executing again (counted in hits too).");
        meter.CreateObservableGauge("governance.answer_cache.size", () => Statistics.Bytes, "By", "Memory the cached answers take, as the cache counts it (bytes plus a fixed overhead per entry).");
        meter.CreateObservableGauge("governance.answer_cache.limit", () => SizeLimitBytes, "By", "Api:AnswerCache:SizeLimitMegabytes in bytes.");
        meter.CreateObservableGauge("governance.answer_cache.entries", () => Statistics.Entries, "{answer}", "Answers in the answer cache.");
        meter.CreateObservableGauge("governance.warehouse.version", () => Interlocked.Read(ref _newestVersion) is var v && v == long.MinValue ? 0 : v, "{version}", "The newest warehouse version a request has read.");
    }

    public bool Enabled => _options.Enabled;

    public long SizeLimitBytes { get; }

    /// <summary>Entries and the memory they take, as the cache counts it.</summary>
    public (long Entries, long Bytes, long Hits, long Misses) Statistics
    {
        get
        {
            var statistics = _entries.GetCurrentStatistics();
            return (statistics?.CurrentEntryCount ?? 0, statistics?.CurrentEstimatedSize ?? 0, _hitCount, _missCount);
        }
    }

    /// <summary>
    /// The answer from the cache, or <paramref name="execute"/>'s, kept when it succeeded without errors. Returns the result
    /// to send: a <see cref="CachedAnswer"/> (hit, or a miss that was serialized here), or the executed result as it came.
    /// </summary>
    public async Task<ExecutionResult> AnswerAsync(ExecutionOptions options, Func<Task<ExecutionResult>> execute)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(execute);
        if (AccessScope.Current is not { } scope || options.Document is null)
        {
            return await execute(); // no known caller scope: nothing to key an answer by
        }

        long version;
        try
        {
            version = await ReadVersionAsync(options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Correctness first: without the version no answer can be told current; the request runs (and fails as it will).
            LogVersionUnreadable(e.GetType().Name, e.Message);
            return await execute();
        }

        ObserveVersion(version);
        var key = AnswerKey.Of(version, DateOnly.FromDateTime(_clock.GetLocalNow().DateTime), scope, options.OperationName, options.Document, options.Variables);
        var operation = options.OperationName ?? "(unnamed)";
        if (_entries.TryGetValue(key, out ReadOnlyMemory<byte> cached))
        {
            Interlocked.Increment(ref _hitCount);
            _hits.Add(1);
            SetOutcome(options, "hit");
            LogHit(operation, version, cached.Length);
            return new CachedAnswer(cached);
        }

        // Identical requests arriving together execute once: the first runs, the others wait for its serialized answer.
        var flight = new TaskCompletionSource<ReadOnlyMemory<byte>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inFlight.GetOrAdd(key, flight.Task);
        if (running != flight.Task)
        {
            if (await running.WaitAsync(options.CancellationToken) is { } shared)
            {
                Interlocked.Increment(ref _hitCount);
                _hits.Add(1);
                _coalesced.Add(1);
                SetOutcome(options, "hit");
                LogCoalesced(operation, version, shared.Length);
                return new CachedAnswer(shared);
            }

            return await ExecuteAsync(options, execute, key, version, operation, null); // the first one's answer was not kept: run this one
        }

        return await ExecuteAsync(options, execute, key, version, operation, flight);
    }

    public void Dispose() => _entries.Dispose();

    /// <summary>
    /// A miss: executes, keeps a cacheable answer, and hands it (or null when not kept) to the requests waiting on
    /// <paramref name="flight"/>, which is then taken out of the in-flight table whatever happens.
    /// </summary>
    private async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, Func<Task<ExecutionResult>> execute, string key, long version, string operation, TaskCompletionSource<ReadOnlyMemory<byte>?>? flight)
    {
        ReadOnlyMemory<byte>? kept = null;
        try
        {
            Interlocked.Increment(ref _missCount);
            _misses.Add(1);
            SetOutcome(options, "miss");
            var result = await execute();
            if (!IsCacheable(result))
            {
                LogMiss(operation, version, "not kept: the answer has errors or was not executed");
                return result;
            }

            var serializer = options.RequestServices!.GetRequiredService<IGraphQLTextSerializer>();
            using var buffer = new MemoryStream();
            await serializer.WriteAsync(buffer, result, options.CancellationToken);
            ReadOnlyMemory<byte> body = buffer.ToArray();
            if (body.Length == 0 || body.Span[^1] != (byte)'}')
            {
                LogMiss(operation, version, "not kept: the serialized answer is not one JSON object");
                return result;
            }

            if (body.Length > _options.MaxEntryKilobytes * 1024L)
            {
                LogMiss(operation, version, $"not kept: {body.Length} bytes, over Api:AnswerCache:MaxEntryKilobytes");
            }
            else
            {
                using (var entry = _entries.CreateEntry(key))
                {
                    entry.Value = body;
                    entry.Size = body.Length + EntryOverheadBytes;
                }

                _stored.Add(1);
                LogMiss(operation, version, $"kept, {body.Length} bytes");
            }

            kept = body;
            return new CachedAnswer(body);
        }
        finally
        {
            if (flight is not null)
            {
                _inFlight.TryRemove(KeyValuePair.Create(key, flight.Task));
                flight.TrySetResult(kept);
            }
        }
    }

    /// <summary>An answer worth keeping: executed, no error, no extension (the endpoint adds the request id to each answer itself).</summary>
    private static bool IsCacheable(ExecutionResult result) =>
        result is not CachedAnswer && result.Executed && result.Data is not null && (result.Errors is null || result.Errors.Count == 0) && (result.Extensions is null || result.Extensions.Count == 0);

    private static void SetOutcome(ExecutionOptions options, string outcome) => options.UserContext[OutcomeKey] = outcome;

    /// <summary>
    /// The version of the server and snapshot that answers this request (<see cref="WarehouseReadSession.VersionAsync"/>:
    /// a replica's is the one it has replayed), so an answer is kept under the version it was computed at.
    /// </summary>
    private async Task<long> ReadVersionAsync(ExecutionOptions options)
    {
        if (options.RequestServices?.GetService<WarehouseReadSession>() is { } session)
        {
            return await session.VersionAsync(options.CancellationToken);
        }

        await using var db = await _warehouse.CreateDbContextAsync(options.CancellationToken);
        return await WarehouseVersion.ReadAsync(db.Database.GetDbConnection(), options.CancellationToken);
    }

    /// <summary>A newer version than any seen: every entry is of an older version and can never be hit again, so all go.</summary>
    private void ObserveVersion(long version)
    {
        var newest = Interlocked.Read(ref _newestVersion);
        while (version > newest)
        {
            var seen = Interlocked.CompareExchange(ref _newestVersion, version, newest);
            if (seen == newest)
            {
                if (newest != long.MinValue)
                {
                    _entries.Clear();
                    LogCleared(newest, version);
                }

                return;
            }

            newest = seen;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answer cache hit: {Operation} at warehouse version {Version}, {Bytes} bytes")]
    private partial void LogHit(string operation, long version, int bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answer cache hit: {Operation} at warehouse version {Version}, {Bytes} bytes, shared by an identical request that was executing")]
    private partial void LogCoalesced(string operation, long version, int bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answer cache miss: {Operation} at warehouse version {Version}, {Outcome}")]
    private partial void LogMiss(string operation, long version, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer cache emptied: the warehouse version went from {Previous} to {Version}")]
    private partial void LogCleared(long previous, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer cache bypassed: the warehouse version could not be read ({Error}: {Problem})")]
    private partial void LogVersionUnreadable(string error, string problem);
}
