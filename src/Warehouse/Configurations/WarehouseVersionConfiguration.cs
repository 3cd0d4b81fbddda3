using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class WarehouseVersionConfiguration : IEntityTypeConfiguration<WarehouseVersion>
{
    public void Configure(EntityTypeBuilder<WarehouseVersion> builder)
    {
        builder.ToTable(WarehouseVersion.Table, t => t.HasCheckConstraint("ck_warehouse_version_single_row", "id = 1"));
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new WarehouseVersion { Id = WarehouseVersion.RowId, Version = 1, ChangedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });
    }
}
