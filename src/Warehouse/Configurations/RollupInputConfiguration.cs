using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class RollupInputConfiguration : IEntityTypeConfiguration<RollupInput>
{
    public void Configure(EntityTypeBuilder<RollupInput> builder)
    {
        builder.ToTable("agg_input");
        builder.HasKey(i => i.InputSk);
        builder.Property(i => i.Signature).HasMaxLength(200).IsUnicode(false);
        builder.Property(i => i.WindowMode).HasMaxLength(16).IsUnicode(false);
        builder.Property(i => i.ThresholdParameter).HasMaxLength(40).IsUnicode(false);
        builder.HasIndex(i => new { i.Signature, i.Grain }).IsUnique();
    }
}
