using System.Security.Cryptography;

namespace Governance.Etl.Loading;

/// <summary>Lower-case hex SHA-256 of a file's bytes: the identity by which a file already loaded is skipped.</summary>
public static class FileHash
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = Readers.RegularFile.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }
}
