using Governance.Api.GraphQL;
using Governance.Api.GraphQL.Caching;
using Governance.Api.GraphQL.Paging;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Replicas;
using Governance.Warehouse.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Schema.Loading;

/// <summary>Root fields over the ETL's bookkeeping: the load batches, newest first. Never answered from the answer cache.</summary>
public sealed class LoadBatchQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ConnectionType<LoadBatchType, LoadBatch>>>("loadBatches")
            .Description("The load batches (导入批次), newest first, paged.")
            .PagingArguments()
            .WithMetadata(AnswerCache.NotCachedMetadata, true) // a rejected or dry-run file adds a batch without a new warehouse version
            .ResolveAsync(async c =>
            {
                RequestScope.RequireLoadRead();
                await using var db = await Factory(c).CreateDbContextAsync(c.CancellationToken);
                return await db.VisibleLoadBatches().AsNoTracking().OrderByDescending(b => b.LoadBatchId).ToConnectionAsync(PageRequest.From(c), c.CancellationToken);
            });
        query.Field<LoadBatchType>("loadBatch")
            .Description("One load batch by its id (批次号); null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Identifier of the batch (批次号).")
            .WithMetadata(AnswerCache.NotCachedMetadata, true)
            .ResolveAsync(async c =>
            {
                RequestScope.RequireLoadRead();
                if (!long.TryParse(c.GetArgument<string>("id"), System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    return null;
                }

                await using var db = await Factory(c).CreateDbContextAsync(c.CancellationToken);
                return await db.VisibleLoadBatches().AsNoTracking().FirstOrDefaultAsync(b => b.LoadBatchId == id, c.CancellationToken);
            });
    }

    private static WarehouseReadSession Factory(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<WarehouseReadSession>();
}
