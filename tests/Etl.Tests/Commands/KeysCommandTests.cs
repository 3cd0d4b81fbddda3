using System.Security.Cryptography;
using System.Text;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Tests.Commands;

public sealed class KeysCommandTests
{
    [Fact]
    public async Task CreatePrintsTheKeyOnceOnItsLastLineListShowsItAndRevokeEndsIt()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);

        var created = await RunAsync(warehouse, "keys", "create", "--name", "finance-bi", "--area", "110101001000,110101002000", "--role", "Viewer");

        Assert.Equal(0, created.ExitCode);
        var secret = created.Output.TrimEnd().Split('\n')[^1].Trim();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        await using (var db = warehouse.CreateDbContext())
        {
            var key = await db.ApiKeys.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).TrimEnd('=').Replace('+', '-').Replace('/', '_'), key.KeyHash);
            Assert.Equal("finance-bi", key.Name);
        }

        var listed = await RunAsync(warehouse, "keys", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("finance-bi", listed.Output, StringComparison.Ordinal);
        Assert.Contains("viewer", listed.Output, StringComparison.Ordinal);
        Assert.Contains("110101001000,110101002000", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(warehouse, "keys", "revoke", "1")).ExitCode);
        Assert.Equal(2, (await RunAsync(warehouse, "keys", "revoke", "1")).ExitCode);
        await using (var db = warehouse.CreateDbContext())
        {
            Assert.NotNull((await db.ApiKeys.SingleAsync(TestContext.Current.CancellationToken)).RevokedAt);
        }
    }

    [Theory]
    [InlineData("--role", "boss", "--role 'boss' is not a role")]
    [InlineData("--role", "viewer,analyst", "--role 'viewer,analyst' is a list of roles; exactly one is allowed")]
    [InlineData("--area", "1101", "'1101'")]
    public async Task ABadRoleOrAreaIsAUsageErrorNamingIt(string option, string value, string named)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var args = new Dictionary<string, string> { ["--name"] = "x", ["--area"] = "110101000000", ["--role"] = "analyst" };
        args[option] = value;

        var result = await RunAsync(warehouse, ["keys", "create", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(TestWarehouse warehouse, params string[] args) => GovernanceProcess.RunAsync(warehouse, args);
}
