using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Warehouse.Security;

/// <summary>API key material: a key is 32 random bytes in base64url; the warehouse keeps only the base64url SHA-256 of its text.</summary>
public static class ApiKeySecret
{
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
