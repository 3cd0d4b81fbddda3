using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class DistributionRollupConfiguration : IEntityTypeConfiguration<DistributionRollup>
{
    public void Configure(EntityTypeBuilder<DistributionRollup> builder)
    {
        builder.ToTable(DistributionRollup.Table);
        builder.HasKey(d => new { d.IndicatorSk, d.PeriodSk, d.Prefix });
        builder.Property(d => d.Prefix).HasMaxLength(9).IsUnicode(false);
        builder.Property(d => d.BandCounts).HasMaxLength(400).IsUnicode(false);
    }
}
