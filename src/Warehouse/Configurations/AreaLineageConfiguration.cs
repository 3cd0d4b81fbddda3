using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class AreaLineageConfiguration : IEntityTypeConfiguration<AreaLineage>
{
    public void Configure(EntityTypeBuilder<AreaLineage> builder)
    {
        builder.ToTable("dim_area_lineage");
        builder.HasKey(l => new { l.AreaCode, l.ReplacedCode });
        builder.Property(l => l.AreaCode).HasMaxLength(12).IsUnicode(false);
        builder.Property(l => l.ReplacedCode).HasMaxLength(12).IsUnicode(false);
        builder.HasIndex(l => l.ReplacedCode);
    }
}
