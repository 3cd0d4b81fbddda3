using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Facts;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class IndicatorValueHistoryConfiguration : IEntityTypeConfiguration<IndicatorValueHistory>
{
    public void Configure(EntityTypeBuilder<IndicatorValueHistory> builder)
    {
        builder.ToTable("fct_indicator_value_history");
        builder.HasKey(v => v.IndicatorValueHistoryId);
        builder.Property(v => v.Note).HasMaxLength(400);
        builder.HasOne<Area>().WithMany().HasForeignKey(v => v.AreaSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Period>().WithMany().HasForeignKey(v => v.PeriodSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LoadBatch>().WithMany().HasForeignKey(v => v.LoadBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LoadBatch>().WithMany().HasForeignKey(v => v.SupersededByBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.AreaSk, v.PeriodSk, v.IndicatorSk });
    }
}
