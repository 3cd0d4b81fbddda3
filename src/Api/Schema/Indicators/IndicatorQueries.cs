using Governance.Api.GraphQL;
using Governance.Warehouse.Replicas;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Schema.Indicators;

/// <summary>Root fields over the indicator catalogue.</summary>
public sealed class IndicatorQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators")
            .Description("The indicator catalogue (指标目录), in catalogue order, optionally of one category.")
            .Argument<StringGraphType>("category", "Only indicators of this category (类别).")
            .ResolveAsync(async context =>
            {
                var category = context.GetArgument<string?>("category");
                await using var db = await context.RequestServices!.GetRequiredService<WarehouseReadSession>().CreateDbContextAsync(context.CancellationToken);
                return await db.Indicators.AsNoTracking()
                    .Where(i => category == null || i.Category == category)
                    .OrderBy(i => i.SortOrder)
                    .ToListAsync(context.CancellationToken);
            });
        query.Field<IndicatorType>("indicator")
            .Description("One indicator by its code (指标代码); null when no indicator has it.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "Indicator code, e.g. CE_OPERATING_INCOME.")
            .ResolveAsync(async context =>
            {
                var code = context.GetArgument<string>("code");
                await using var db = await context.RequestServices!.GetRequiredService<WarehouseReadSession>().CreateDbContextAsync(context.CancellationToken);
                return await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.IndicatorCode == code, context.CancellationToken);
            });
    }
}
