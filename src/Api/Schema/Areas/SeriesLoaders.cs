using System.Collections.Concurrent;
using Governance.Api.GraphQL.DataLoaders;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Replicas;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Schema.Areas;

/// <summary>
/// Per request, one loader per distinct <see cref="SeriesRequest"/>: the series of a whole batch of areas come from one
/// SQL statement, summed (flows) or taking the last native period (stocks) in the database when the grain is coarser.
/// </summary>
public sealed class SeriesLoaders(WarehouseReadSession factory)
{
    private readonly ConcurrentDictionary<SeriesRequest, BatchLoader<string, IReadOnlyList<SeriesPoint>>> _loaders = new();

    public BatchLoader<string, IReadOnlyList<SeriesPoint>> For(SeriesRequest request) =>
        _loaders.GetOrAdd(request, r => new BatchLoader<string, IReadOnlyList<SeriesPoint>>((codes, ct) => LoadAsync(r, codes, ct)));

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>> LoadAsync(SeriesRequest request, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var joined = from v in db.IndicatorValues
                     join a in db.VisibleAreas() on v.AreaSk equals a.AreaSk
                     join p in db.Periods on v.PeriodSk equals p.PeriodSk
                     where v.IndicatorSk == request.IndicatorSk && p.Grain == request.NativeGrain && codes.Contains(a.AreaCode)
                         && p.StartDate >= request.From && p.EndDate <= request.To
                     select new { a.AreaCode, p.PeriodSk, p.PeriodKey, p.YearKey, p.QuarterKey, v.Value };
        var facts = request.Grain switch
        {
            PeriodGrain.Year => joined.Select(f => new { f.AreaCode, f.PeriodSk, Key = f.YearKey, f.Value }),
            PeriodGrain.Quarter => joined.Select(f => new { f.AreaCode, f.PeriodSk, Key = f.QuarterKey!, f.Value }),
            _ => joined.Select(f => new { f.AreaCode, f.PeriodSk, Key = f.PeriodKey, f.Value }),
        };
        var rows = request.Grain == request.NativeGrain ? facts
            : request.TimeAggregation == TimeAggregation.Sum
                ? facts.GroupBy(f => new { f.AreaCode, f.Key }).Select(g => new { g.Key.AreaCode, PeriodSk = g.Max(f => f.PeriodSk), g.Key.Key, Value = g.Sum(f => f.Value) })
                : from f in facts
                  join last in facts.GroupBy(f => new { f.AreaCode, f.Key }).Select(g => new { g.Key.AreaCode, PeriodSk = g.Max(f => f.PeriodSk) })
                      on new { f.AreaCode, f.PeriodSk } equals new { last.AreaCode, last.PeriodSk }
                  select f;
        var loaded = await rows.ToListAsync(cancellationToken);
        return loaded.OrderBy(f => f.PeriodSk).ToLookup(f => f.AreaCode, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<SeriesPoint>)[.. g.Select(f => new SeriesPoint(f.AreaCode, PeriodKey.Parse(f.Key), f.Value / 1.0000000000000000000000000000m))],
            StringComparer.Ordinal);
    }
}
