using Governance.Warehouse.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class SavedReportConfiguration : IEntityTypeConfiguration<SavedReport>
{
    public void Configure(EntityTypeBuilder<SavedReport> builder)
    {
        builder.ToTable("saved_report");
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(SavedReportStore.MaxNameLength).IsUnicode(false);
        builder.Property(r => r.Title).HasMaxLength(SavedReportStore.MaxTitleLength);
        builder.Property(r => r.Document);
    }
}
