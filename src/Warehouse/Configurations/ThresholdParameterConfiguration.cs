using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class ThresholdParameterConfiguration : IEntityTypeConfiguration<ThresholdParameter>
{
    public void Configure(EntityTypeBuilder<ThresholdParameter> builder)
    {
        builder.ToTable("ref_threshold_parameter", t => t.HasCheckConstraint("ck_ref_threshold_parameter_validity", "valid_to IS NULL OR valid_to >= valid_from"));
        builder.HasKey(p => p.ThresholdParameterSk);
        builder.Property(p => p.ParameterCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(p => p.AreaCode).HasMaxLength(12).IsUnicode(false);
        builder.Property(p => p.Description).HasMaxLength(200);
        builder.HasIndex(p => new { p.ParameterCode, p.AreaCode, p.ValidFrom }).IsUnique();
    }
}
