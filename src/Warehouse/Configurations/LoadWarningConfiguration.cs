using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class LoadWarningConfiguration : IEntityTypeConfiguration<LoadWarning>
{
    public void Configure(EntityTypeBuilder<LoadWarning> builder)
    {
        builder.ToTable("etl_warning");
        builder.HasKey(w => w.LoadWarningId);
        builder.Property(w => w.Rule).HasMaxLength(40).IsUnicode(false);
        builder.Property(w => w.AreaCode).HasMaxLength(12).IsUnicode(false);
        builder.Property(w => w.PeriodKey).HasMaxLength(8).IsUnicode(false);
        builder.Property(w => w.IndicatorCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(w => w.Message).HasMaxLength(1000);
        builder.HasOne<LoadBatch>().WithMany().HasForeignKey(w => w.LoadBatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.LoadBatchId);
    }
}
