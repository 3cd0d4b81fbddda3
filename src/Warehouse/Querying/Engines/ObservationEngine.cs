using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Engines;

/// <summary>
/// Answers observation requests: per indicator, one grouped SQL query of its inputs and one of the expected units, then
/// the indicator's area rule and growth over the few grouped rows that come back.
/// </summary>
public sealed class ObservationEngine
{
    private readonly QueryContexts _contexts;
    private readonly GroupEvaluator _evaluator;

    internal ObservationEngine(QueryContexts contexts, GroupEvaluator evaluator)
    {
        _contexts = contexts;
        _evaluator = evaluator;
    }

    public async Task<IReadOnlyList<Observation>> QueryAsync(ObservationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.From.Start > request.To.End)
        {
            throw new QueryRuleException(QueryRuleException.BadPeriod, $"The period range {request.From}..{request.To} ends before it starts.");
        }

        await using var db = await _contexts.CreateAsync(cancellationToken);
        var plans = await IndicatorPlanner.PlanAsync(db, request.Indicators, request.Grain, cancellationToken);
        var prefix = await AreaScope.PrefixAsync(db, request.Within, request.Level, request.Caller, cancellationToken);

        // With growth, one year more than asked, so that the first rows have their previous and year-earlier values.
        var growth = request.Parts.HasFlag(ObservationParts.Growth);
        var start = growth ? request.From.Start.AddYears(-1) : request.From.Start;
        var scope = new QueryScope(prefix, request.Level, request.Grain, start, request.To.End, request.Structure)
        {
            Lineage = request.Structure == AreaStructure.Current ? await LineageChains.ForAsync(db, prefix, request.Caller, cancellationToken) : Lineage.None,
            Caller = request.Caller,
        };
        var rows = new List<Observation>();
        foreach (var plan in plans)
        {
            if (request.Level > plan.UnitLevel)
            {
                throw new QueryRuleException(
                    QueryRuleException.BadRequest,
                    $"Indicator {plan.Indicator.IndicatorCode} is reported by {plan.Indicator.CaptureLevel}; rows at {request.Level.ToString().ToUpperInvariant()} level are finer than that.");
            }

            var observations = await _evaluator.EvaluateAsync(db, scope, plan, request.Parts, request.IncludeNonReporting, cancellationToken);
            rows.AddRange(observations.Where(o => o.Period.Start >= request.From.Start));
        }

        return request.Parts.HasFlag(ObservationParts.Areas) ? await WithAreasAsync(db, rows, prefix, request.Level, request.Caller, cancellationToken) : rows;
    }

    /// <summary>Attaches each row's area (its latest version the caller may see): for the rows of a page, after sorting and paging.</summary>
    public async Task<IReadOnlyList<Observation>> WithAreasAsync(IReadOnlyList<Observation> rows, AccessScope? caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return rows;
        }

        await using var db = await _contexts.CreateAsync(cancellationToken);
        var codes = rows.Select(r => r.AreaCode).Distinct(StringComparer.Ordinal).ToList();
        var areas = AreaVersions.ByCode(await AreaScope.Visible(db, caller).AsNoTracking().Where(a => codes.Contains(a.AreaCode)).ToListAsync(cancellationToken), AreaVersions.LatestStarted);
        return rows.Select(r => r with { Area = areas.GetValueOrDefault(r.AreaCode) }).ToList();
    }

    /// <summary>The latest version of each area at the level inside the scope: a dimension read, for names and filters.</summary>
    private static async Task<IReadOnlyList<Observation>> WithAreasAsync(WarehouseDbContext db, IReadOnlyList<Observation> rows, string prefix, AreaLevel level, AccessScope? caller, CancellationToken cancellationToken)
    {
        var (first, last) = AreaScope.CodeRange(prefix);
        var versions = await AreaScope.Visible(db, caller).AsNoTracking()
            .Where(a => a.Level == level && a.AreaCode.CompareTo(first) >= 0 && a.AreaCode.CompareTo(last) <= 0)
            .ToListAsync(cancellationToken);
        var areas = AreaVersions.ByCode(versions, AreaVersions.LatestStarted);
        return rows.Select(r => r with { Area = areas.GetValueOrDefault(r.AreaCode) }).ToList();
    }
}
