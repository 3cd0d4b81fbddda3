using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class LoadBatchConfiguration : IEntityTypeConfiguration<LoadBatch>
{
    public void Configure(EntityTypeBuilder<LoadBatch> builder)
    {
        builder.ToTable("etl_load_batch");
        builder.HasKey(b => b.LoadBatchId);
        builder.Property(b => b.FileName).HasMaxLength(400);
        builder.Property(b => b.FileSha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(b => b.Message).HasMaxLength(2000);
        builder.Property(b => b.AreaCodePrefix).HasMaxLength(12).IsUnicode(false);
        builder.HasIndex(b => new { b.FileSha256, b.Status });
    }
}
