using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Facts;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("fct_target");
        builder.HasKey(t => new { t.AreaSk, t.IndicatorSk, t.PeriodSk });
        builder.HasOne<Area>().WithMany().HasForeignKey(t => t.AreaSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Period>().WithMany().HasForeignKey(t => t.PeriodSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorSk).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LoadBatch>().WithMany().HasForeignKey(t => t.LoadBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.IndicatorSk, t.PeriodSk });
    }
}
