using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class PeriodConfiguration : IEntityTypeConfiguration<Period>
{
    public void Configure(EntityTypeBuilder<Period> builder)
    {
        builder.ToTable("dim_period", t => t.HasCheckConstraint("ck_dim_period_dates", "end_date >= start_date"));
        builder.HasKey(p => p.PeriodSk);
        builder.Property(p => p.PeriodSk).ValueGeneratedNever();
        builder.Property(p => p.PeriodKey).HasMaxLength(8).IsUnicode(false);
        builder.Property(p => p.ParentKey).HasMaxLength(8).IsUnicode(false);
        builder.Property(p => p.YearKey).HasMaxLength(8).IsUnicode(false);
        builder.Property(p => p.QuarterKey).HasMaxLength(8).IsUnicode(false);
        builder.Property(p => p.Label).HasMaxLength(32);
        builder.HasIndex(p => p.PeriodKey).IsUnique();
        builder.HasIndex(p => new { p.Grain, p.StartDate });
    }
}
