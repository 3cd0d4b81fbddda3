using Governance.Api.GraphQL;
using Governance.Api.GraphQL.Paging;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Replicas;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Schema.Areas;

/// <summary>Root fields over the area dimension: one area by code, and a paged, filtered list.</summary>
public sealed class AreaQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<AreaType>("area")
            .Description("One area by its code (按代码查区划): the version in force, or the last one for an area no longer in force; null when no area has the code.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "12-digit division code (统计用区划代码), e.g. 361102101200.")
            .ResolveAsync(async c =>
            {
                var code = c.GetArgument<string>("code").Trim();
                await using var db = await Factory(c).CreateDbContextAsync(c.CancellationToken);
                var versions = await db.Areas.AsNoTracking().Where(a => a.AreaCode == code).Visible().ToListAsync(c.CancellationToken);
                return AreaLoaders.Latest(versions).FirstOrDefault();
            });
        query.Field<NonNullGraphType<ConnectionType<AreaType, Area>>>("areas")
            .Description("Areas by code order (区划列表), filtered by level, enclosing area and name, paged by cursor.")
            .Argument<AreaLevelType>("level", "Only areas of this level (行政层级).")
            .Argument<StringGraphType>("within", "Only areas inside this one (所属区划代码), not itself; an unknown code is an UNKNOWN_AREA error.")
            .Argument<StringGraphType>("search", "Only areas whose name contains this text or whose code starts with it (名称或代码检索).")
            .Argument<BooleanGraphType>("includeHistoric", "Also areas no longer in force (含已撤销区划), in their last version. Default false.")
            .PagingArguments()
            .ResolveAsync(async c => await ListAsync(c));
    }

    private static async Task<Connection<Area>> ListAsync(IResolveFieldContext context)
    {
        var page = PageRequest.From(context);
        var level = context.GetArgument<AreaLevel?>("level");
        var within = context.GetArgument<string?>("within");
        var search = context.GetArgument<string?>("search")?.Trim();
        var historic = context.GetArgument<bool?>("includeHistoric") == true;
        await using var db = await Factory(context).CreateDbContextAsync(context.CancellationToken);
        var areas = historic
            ? AreaVersions.EachInForce(db.Areas)
            : db.Areas.Where(a => a.IsCurrent);
        areas = areas.Visible();
        if (level is { } l)
        {
            areas = areas.Where(a => a.Level == l);
        }

        if (within is not null)
        {
            var prefix = await WithinPrefixAsync(db, within, context.CancellationToken);
            areas = areas.Where(a => a.AreaCode.StartsWith(prefix) && a.AreaCode != within);
        }

        if (!string.IsNullOrEmpty(search))
        {
            areas = areas.Where(a => a.Name.Contains(search) || a.AreaCode.StartsWith(search));
        }

        return await areas.AsNoTracking().OrderBy(a => a.AreaCode).ThenBy(a => a.ValidFrom).ToConnectionAsync(page, context.CancellationToken);
    }

    private static async Task<string> WithinPrefixAsync(WarehouseDbContext db, string within, CancellationToken cancellationToken)
    {
        if (!AreaCode.TryParse(within, out var code) || !RequestScope.MayLookWithin(code.Value)
            || !await db.Areas.AnyAsync(a => a.AreaCode == code.Value.Value, cancellationToken))
        {
            throw new QueryRuleException(QueryRuleException.UnknownArea, $"No area has the code '{within}'.");
        }

        return code.Value.Prefix;
    }

    private static WarehouseReadSession Factory(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<WarehouseReadSession>();
}
