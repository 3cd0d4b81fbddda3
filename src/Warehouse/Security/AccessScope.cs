using System.Linq.Expressions;
using System.Reflection;
using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Security;

/// <summary>
/// Who asks (role) and which areas they may see (数据权限范围): every area whose code starts with one of the prefixes of
/// the scope's area codes. <see cref="Current"/> carries the request's scope to the database layer.
/// </summary>
public sealed class AccessScope
{
    private static readonly AsyncLocal<AccessScope?> Ambient = new();
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    private AccessScope(AccessRole role, IReadOnlyList<string>? areaCodes)
    {
        Role = role;
        AreaCodes = areaCodes ?? [];
        IsEverything = areaCodes is null;
        Prefixes = areaCodes is null ? [] : [.. areaCodes.Select(c => AreaCode.Parse(c).Prefix).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>All areas, for the ETL, the migrator and a county-wide principal; the role still limits what it may do.</summary>
    public static AccessScope Everything(AccessRole role) => new(role, null);

    /// <summary>The areas under the given 12-digit codes (each code with all its descendants).</summary>
    public static AccessScope Within(AccessRole role, IEnumerable<string> areaCodes)
    {
        ArgumentNullException.ThrowIfNull(areaCodes);
        var codes = areaCodes.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var bad = codes.FirstOrDefault(c => !AreaCode.TryParse(c, out _));
        if (bad is not null)
        {
            throw new FormatException($"Area code '{bad}' of an access scope is not a 12-digit division code.");
        }

        return new AccessScope(role, codes);
    }

    /// <summary>
    /// The scope of the current request or job; null outside one (the database layer then sees everything). Read by the
    /// row-level security interceptors and the API's lists; the query engine takes its caller from each request instead.
    /// </summary>
    public static AccessScope? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public AccessRole Role { get; }

    public bool IsEverything { get; }

    /// <summary>The area codes the scope was granted (empty when it is everything).</summary>
    public IReadOnlyList<string> AreaCodes { get; }

    /// <summary>Code prefixes: an area is inside the scope when its code starts with one of them.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    /// <summary>Codes of the areas enclosing the granted ones (their parents up to the province), for labelling roll-ups above the scope.</summary>
    public IReadOnlyList<string> EnclosingCodes =>
        [.. AreaCodes.SelectMany(c => Ancestors(AreaCode.Parse(c))).Distinct().Where(c => !Covers(c))];

    /// <summary>The value row-level security reads from <c>governance.scope</c>: <c>*</c> or comma-separated prefixes.</summary>
    public string SettingValue => IsEverything ? "*" : string.Join(',', Prefixes);

    /// <summary>True when the area is one of the scope's areas or inside one.</summary>
    public bool Covers(string? areaCode) =>
        areaCode is not null && (IsEverything || Prefixes.Any(p => areaCode.StartsWith(p, StringComparison.Ordinal)));

    /// <summary>
    /// True when every area whose code starts with <paramref name="prefix"/> is in the scope (an aggregate over all of
    /// them, like a precomputed roll-up, is then the caller's to see): the prefix lies inside one of the scope's areas.
    /// </summary>
    public bool HoldsWhole(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return IsEverything || Prefixes.Any(p => prefix.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>True when the role may read rows of areas at this level (viewers see township level and above).</summary>
    public bool MayReadLevel(AreaLevel level) => Role != AccessRole.Viewer || level != AreaLevel.Village;

    /// <summary>True for the roles that may read indicator data (not operators).</summary>
    public bool MayReadIndicators => Role is AccessRole.Viewer or AccessRole.Analyst or AccessRole.Admin;

    /// <summary>True for the roles that may read load batches and their rejects.</summary>
    public bool MayReadLoads => Role is AccessRole.Operator or AccessRole.Admin;

    /// <summary>A predicate for a query over rows holding an area code: <c>code LIKE 'prefix%' OR ...</c>, or always true for everything.</summary>
    public Expression<Func<T, bool>> Filter<T>(Expression<Func<T, string>> areaCode)
    {
        ArgumentNullException.ThrowIfNull(areaCode);
        if (IsEverything)
        {
            return Expression.Lambda<Func<T, bool>>(Expression.Constant(true), areaCode.Parameters);
        }

        var body = Prefixes
            .Select(p => (Expression)Expression.Call(areaCode.Body, StartsWith, Expression.Constant(p)))
            .DefaultIfEmpty(Expression.Constant(false))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, areaCode.Parameters);
    }

    private static IEnumerable<string> Ancestors(AreaCode code)
    {
        for (var parent = code.ParentCode; parent is not null; parent = AreaCode.Parse(parent).ParentCode)
        {
            yield return parent;
        }
    }

    public override string ToString() => $"{Role} of {(IsEverything ? "all areas" : string.Join(',', AreaCodes))}";
}
