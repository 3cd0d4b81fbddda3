using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class RollupTotalConfiguration : IEntityTypeConfiguration<RollupTotal>
{
    public void Configure(EntityTypeBuilder<RollupTotal> builder)
    {
        builder.ToTable("agg_total");

        // A request's rows (one input, one level, the areas under a prefix, a range of periods) and a load's refresh of
        // them are one range scan of this key: the prefix is a code range, the periods a range inside each area.
        builder.HasKey(t => new { t.InputSk, t.AreaLevel, t.AreaCode, t.PeriodSk });
        builder.Property(t => t.AreaCode).HasMaxLength(12).IsUnicode(false);
    }
}
