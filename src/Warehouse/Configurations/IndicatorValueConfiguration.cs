using Governance.Warehouse.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("fct_indicator_value");
        builder.HasKey(v => new { v.AreaSk, v.PeriodSk, v.IndicatorSk });
        builder.Property(v => v.Note).HasMaxLength(400);

        // No foreign keys, by decision (docs/warehouse.md): the loader resolves every key against the dimensions under
        // the writer lock and dimension rows are never deleted; on PostgreSQL the per-row checks were two thirds of the load.
        builder.HasIndex(v => new { v.IndicatorSk, v.PeriodSk, v.AreaSk });
        builder.HasIndex(v => v.LoadBatchId); // the row-security policy of etl_load_batch and the scoped batch list look facts up by batch
    }
}
