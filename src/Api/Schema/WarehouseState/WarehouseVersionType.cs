using Governance.Warehouse;
using GraphQL.Types;

namespace Governance.Api.Schema.WarehouseState;

/// <summary>The one row of <c>warehouse_version</c>.</summary>
public sealed class WarehouseVersionType : ObjectGraphType<WarehouseVersion>
{
    public WarehouseVersionType()
    {
        Name = "Warehouse";
        Description = "The warehouse's version (数据版本): a number every committed load of facts, areas, targets or thresholds advances, so an answer is current while the version it was computed at is.";
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(c => c.Source.Version)
            .Description("The version: it starts at 1 and grows by one with each committed change.");
        Field(v => v.ChangedAt).Description("When the version last advanced (UTC).");
    }
}
