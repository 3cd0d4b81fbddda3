using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Warehouse.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("sec_api_key");
        builder.HasKey(k => k.ApiKeyId);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.KeyHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(k => k.AreaCodes).HasMaxLength(1000).IsUnicode(false);
        builder.HasIndex(k => k.KeyHash).IsUnique();
    }
}
