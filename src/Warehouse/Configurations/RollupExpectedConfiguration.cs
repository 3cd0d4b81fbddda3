using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class RollupExpectedConfiguration : IEntityTypeConfiguration<RollupExpected>
{
    public void Configure(EntityTypeBuilder<RollupExpected> builder)
    {
        builder.ToTable("agg_expected");
        builder.HasKey(e => new { e.CaptureLevel, e.Grain, e.AreaLevel, e.AreaCode, e.PeriodSk });
        builder.Property(e => e.AreaCode).HasMaxLength(12).IsUnicode(false);
    }
}
