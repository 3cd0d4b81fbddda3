using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class RequestCountConfiguration : IEntityTypeConfiguration<RequestCount>
{
    public void Configure(EntityTypeBuilder<RequestCount> builder)
    {
        builder.ToTable(RequestCountStore.Table);
        builder.HasKey(c => new { c.Caller, c.WindowStartEpoch });
        builder.Property(c => c.Caller).HasMaxLength(RequestCountStore.MaxCallerLength).IsUnicode(false);
    }
}
