using Governance.Api.GraphQL;
using Governance.Api.GraphQL.DataLoaders;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Replicas;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Schema.Areas;

/// <summary>
/// The data loaders of the areas slice, one set per request: each batch of parents costs one SQL statement, each on a
/// context of its own (GraphQL.NET resolves fields in parallel).
/// </summary>
public sealed class AreaLoaders
{
    private readonly IDbContextFactory<WarehouseDbContext> _factory;

    public AreaLoaders(WarehouseReadSession factory)
    {
        _factory = factory;
        ByCode = new(LoadByCodeAsync);
        Children = new((codes, ct) => LoadChildrenAsync(codes, historic: false, ct));
        ChildrenWithHistory = new((codes, ct) => LoadChildrenAsync(codes, historic: true, ct));
        Ancestors = new(LoadAncestorsAsync);
        Replaces = new((codes, ct) => LoadLineageAsync(codes, successors: false, ct));
        ReplacedBy = new((codes, ct) => LoadLineageAsync(codes, successors: true, ct));
    }

    /// <summary>The latest version of each code.</summary>
    public BatchLoader<string, Area> ByCode { get; }

    /// <summary>The current areas whose parent is the code.</summary>
    public BatchLoader<string, IReadOnlyList<Area>> Children { get; }

    /// <summary>The latest version of every area that ever had the code as its parent.</summary>
    public BatchLoader<string, IReadOnlyList<Area>> ChildrenWithHistory { get; }

    /// <summary>The enclosing areas, province first.</summary>
    public BatchLoader<string, IReadOnlyList<Area>> Ancestors { get; }

    /// <summary>The areas the code replaced (merged into it).</summary>
    public BatchLoader<string, IReadOnlyList<Area>> Replaces { get; }

    /// <summary>The areas that replaced the code.</summary>
    public BatchLoader<string, IReadOnlyList<Area>> ReplacedBy { get; }

    /// <summary>Of the versions of each code, the current one, or the one that started last.</summary>
    public static IEnumerable<Area> Latest(IEnumerable<Area> versions) =>
        AreaVersions.ByCode(versions.Where(a => RequestScope.Sees(a.AreaCode)), AreaVersions.InForce).Values;

    private async Task<IReadOnlyDictionary<string, Area>> LoadByCodeAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var versions = await db.LabelAreas().AsNoTracking().Where(a => codes.Contains(a.AreaCode)).ToListAsync(cancellationToken);
        return Latest(versions).ToDictionary(a => a.AreaCode, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Area>>> LoadChildrenAsync(IReadOnlyCollection<string> codes, bool historic, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.VisibleAreas().AsNoTracking()
            .Where(a => a.ParentCode != null && codes.Contains(a.ParentCode) && (historic || a.IsCurrent))
            .ToListAsync(cancellationToken);
        return Latest(rows).OrderBy(a => a.AreaCode, StringComparer.Ordinal)
            .ToLookup(a => a.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Area>)[.. g], StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Area>>> LoadAncestorsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var chains = codes.ToDictionary(c => c, AncestorCodes, StringComparer.Ordinal);
        var wanted = chains.Values.SelectMany(c => c).Distinct(StringComparer.Ordinal).ToList();
        var found = await LoadByCodeAsync(wanted, cancellationToken);
        return chains.ToDictionary(
            c => c.Key,
            c => (IReadOnlyList<Area>)[.. c.Value.Select(code => found.GetValueOrDefault(code)).OfType<Area>()],
            StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Area>>> LoadLineageAsync(IReadOnlyCollection<string> codes, bool successors, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var pairs = successors
            ? from l in db.AreaLineage where codes.Contains(l.ReplacedCode) join a in db.VisibleAreas() on l.AreaCode equals a.AreaCode select new { Key = l.ReplacedCode, Area = a }
            : from l in db.AreaLineage where codes.Contains(l.AreaCode) join a in db.VisibleAreas() on l.ReplacedCode equals a.AreaCode select new { Key = l.AreaCode, Area = a };
        var rows = await pairs.AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<Area>)[.. Latest(g.Select(r => r.Area)).OrderBy(a => a.AreaCode, StringComparer.Ordinal)],
            StringComparer.Ordinal);
    }

    /// <summary>Codes of the enclosing areas read from the digits, province first.</summary>
    private static List<string> AncestorCodes(string code)
    {
        var chain = new List<string>();
        var parent = AreaCode.TryParse(code, out var parsed) ? parsed.Value.ParentCode : null;
        while (parent is not null)
        {
            chain.Insert(0, parent);
            parent = AreaCode.Parse(parent).ParentCode;
        }

        return chain;
    }
}
