using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class LoadRejectConfiguration : IEntityTypeConfiguration<LoadReject>
{
    public void Configure(EntityTypeBuilder<LoadReject> builder)
    {
        builder.ToTable("etl_reject");
        builder.HasKey(r => r.LoadRejectId);
        builder.Property(r => r.Sheet).HasMaxLength(100);
        builder.Property(r => r.ColumnName).HasMaxLength(100);
        builder.Property(r => r.Rule).HasMaxLength(40).IsUnicode(false);
        builder.Property(r => r.RawValue).HasMaxLength(400);
        builder.Property(r => r.Message).HasMaxLength(1000);
        builder.HasOne<LoadBatch>().WithMany().HasForeignKey(r => r.LoadBatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.LoadBatchId);
    }
}
