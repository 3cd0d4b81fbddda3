using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class RollupStateConfiguration : IEntityTypeConfiguration<RollupState>
{
    public void Configure(EntityTypeBuilder<RollupState> builder)
    {
        // The row itself is written by migration Rollups (current on an empty warehouse, out of use on one with facts).
        builder.ToTable(RollupState.Table, t => t.HasCheckConstraint("ck_agg_state_single_row", "id = 1"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
