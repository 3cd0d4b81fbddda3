using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.ToTable("dim_area", t => t.HasCheckConstraint("ck_dim_area_validity", "valid_to IS NULL OR valid_to >= valid_from"));
        builder.HasKey(a => a.AreaSk);
        builder.Property(a => a.AreaCode).HasMaxLength(12).IsUnicode(false);
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.ParentCode).HasMaxLength(12).IsUnicode(false);
        builder.Property(a => a.UrbanRuralClass).HasMaxLength(3).IsUnicode(false);
        builder.HasIndex(a => new { a.AreaCode, a.ValidFrom }).IsUnique();
        builder.HasIndex(a => new { a.ParentCode, a.IsCurrent });
        builder.HasIndex(a => new { a.Level, a.AreaCode });
    }
}
