using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class RankingRollupConfiguration : IEntityTypeConfiguration<RankingRollup>
{
    public void Configure(EntityTypeBuilder<RankingRollup> builder)
    {
        builder.ToTable(RankingRollup.Table);
        builder.HasKey(r => new { r.IndicatorSk, r.PeriodSk, r.Prefix, r.Measure, r.IsDescending, r.Rank });
        builder.Property(r => r.Prefix).HasMaxLength(9).IsUnicode(false);
        builder.Property(r => r.Measure).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.AreaCode).HasMaxLength(12).IsUnicode(false);
    }
}
