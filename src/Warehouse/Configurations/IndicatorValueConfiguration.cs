using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Facts;
using Governance.Warehouse.Loading;
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
        builder.HasOne<Area>().WithMany().HasForeignKey(v => v.AreaSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Period>().WithMany().HasForeignKey(v => v.PeriodSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LoadBatch>().WithMany().HasForeignKey(v => v.LoadBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.IndicatorSk, v.PeriodSk, v.AreaSk });
        builder.HasIndex(v => v.LoadBatchId);
    }
}
