using System.Security.Cryptography;
using System.Text;
using Governance.TestSupport;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Tests.Security;

public sealed class ApiKeyStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AKeyIsStoredOnlyAsItsHashAndIsFoundUntilRevoked(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;

        var (key, secret) = await store.CreateAsync("bi-tool", AccessRole.Viewer, ["110101001000", "110101002000"], cancellationToken: ct);

        Assert.Equal(43, secret.Length);
        var expectedHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using (var db = warehouse.CreateDbContext())
        {
            var stored = await db.ApiKeys.SingleAsync(ct);
            Assert.Equal(expectedHash, stored.KeyHash);
            Assert.DoesNotContain(secret, $"{stored.Name}{stored.KeyHash}{stored.AreaCodes}", StringComparison.Ordinal);
            Assert.Equal("110101001000,110101002000", stored.AreaCodes);
            Assert.Equal(AccessRole.Viewer, stored.Role);
        }

        Assert.Equal(key.ApiKeyId, (await store.FindActiveAsync(secret, ct))?.ApiKeyId);
        Assert.Null(await store.FindActiveAsync(secret + "x", ct));
        Assert.True(await store.RevokeAsync(key.ApiKeyId, ct));
        Assert.False(await store.RevokeAsync(key.ApiKeyId, ct));
        Assert.Null(await store.FindActiveAsync(secret, ct));
    }

    [Fact]
    public async Task AKeyForAMalformedAreaCodeIsRefused()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync("x", AccessRole.Analyst, ["1101"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("'1101'", error.Message, StringComparison.Ordinal);
    }
}
