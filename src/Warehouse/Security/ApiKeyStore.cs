using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Security;

/// <summary>Issues, lists, revokes and recognises API keys kept (hashed) in <c>sec_api_key</c>.</summary>
public sealed class ApiKeyStore(IDbContextFactory<WarehouseDbContext> factory, TimeProvider clock)
{
    /// <summary>Stores a new key and returns it with its secret, which is shown once and never kept.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, AccessRole role, IReadOnlyList<string> areaCodes, bool trustedDocumentsOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(areaCodes);
        if (areaCodes.Count == 0)
        {
            throw new ArgumentException("A key needs at least one area code.", nameof(areaCodes));
        }

        var bad = areaCodes.FirstOrDefault(c => !AreaCode.TryParse(c, out _));
        if (bad is not null)
        {
            throw new ArgumentException($"Area code '{bad}' is not a 12-digit division code.", nameof(areaCodes));
        }

        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Name = name.Trim(),
            KeyHash = ApiKeySecret.Hash(secret),
            Role = role,
            AreaCodes = string.Join(',', areaCodes.Select(c => c.Trim())),
            IsTrustedDocumentsOnly = trustedDocumentsOnly,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.ApiKeyId).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes the key; false when no key has that id or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.ApiKeyId == id, cancellationToken);
        if (key is null || key.RevokedAt is not null)
        {
            return false;
        }

        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The active (not revoked) key with this secret, or null.</summary>
    public async Task<ApiKey?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var hash = ApiKeySecret.Hash(secret.Trim());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    /// <summary>The scope a key grants.</summary>
    public static AccessScope ScopeOf(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return AccessScope.Within(key.Role, key.AreaCodes.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}
