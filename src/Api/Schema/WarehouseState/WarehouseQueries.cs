using Governance.Api.GraphQL;
using Governance.Warehouse;
using Governance.Warehouse.Replicas;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Schema.WarehouseState;

/// <summary>The root field <c>warehouse</c>: the warehouse's version, which every committed load advances.</summary>
public sealed class WarehouseQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<WarehouseVersionType>>("warehouse")
            .Description("The warehouse's state (数据仓库版本): its version, advanced by every committed load, area change and rebuild; with read replicas, the version the answering server has replayed.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.RequestServices!.GetRequiredService<WarehouseReadSession>().CreateDbContextAsync(c.CancellationToken);
                return await db.WarehouseVersions.AsNoTracking().SingleAsync(v => v.Id == WarehouseVersion.RowId, c.CancellationToken);
            });
    }
}
