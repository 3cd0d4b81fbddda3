using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("dim_indicator");
        builder.HasKey(i => i.IndicatorSk);
        builder.Property(i => i.IndicatorCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(i => i.NameZh).HasMaxLength(60);
        builder.Property(i => i.NameEn).HasMaxLength(120);
        builder.Property(i => i.Unit).HasMaxLength(16);
        builder.Property(i => i.Category).HasMaxLength(40);
        builder.Property(i => i.Definition).HasMaxLength(1000);
        builder.Property(i => i.NumeratorCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(i => i.DenominatorCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(i => i.WeightCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(i => i.PartOfCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(i => i.ThresholdParameter).HasMaxLength(40).IsUnicode(false);
        builder.HasIndex(i => i.IndicatorCode).IsUnique();
        builder.HasIndex(i => i.NameZh).IsUnique();
    }
}
