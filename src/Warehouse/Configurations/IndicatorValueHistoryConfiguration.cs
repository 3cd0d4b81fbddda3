using Governance.Warehouse.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class IndicatorValueHistoryConfiguration : IEntityTypeConfiguration<IndicatorValueHistory>
{
    public void Configure(EntityTypeBuilder<IndicatorValueHistory> builder)
    {
        builder.ToTable("fct_indicator_value_history");
        builder.HasKey(v => v.IndicatorValueHistoryId);
        builder.Property(v => v.Note).HasMaxLength(400);

        // No foreign keys, like fct_indicator_value: a restatement copies the superseded facts here set-based.
        builder.HasIndex(v => new { v.AreaSk, v.PeriodSk, v.IndicatorSk });
    }
}
