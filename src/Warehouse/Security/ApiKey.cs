namespace Governance.Warehouse.Security;

/// <summary>One row per API key issued to a BI tool or job; the key itself is never stored, only its SHA-256.</summary>
public sealed class ApiKey
{
    public long ApiKeyId { get; set; }

    public required string Name { get; set; }

    /// <summary>Base64url SHA-256 of the key's text.</summary>
    public required string KeyHash { get; set; }

    public AccessRole Role { get; set; }

    /// <summary>The 12-digit area codes the key may see, comma-separated.</summary>
    public required string AreaCodes { get; set; }

    /// <summary>When true the key may only run trusted documents (operations registered by their SHA-256).</summary>
    public bool IsTrustedDocumentsOnly { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
