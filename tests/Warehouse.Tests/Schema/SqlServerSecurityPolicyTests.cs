using System.Text.RegularExpressions;
using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Schema;
using Governance.Warehouse.Security;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Warehouse.Tests.Schema;

/// <summary><c>sql/sqlserver/security-policy.sql</c> keeps in step with the PostgreSQL policies; it runs only where a SQL Server is named.</summary>
public sealed partial class SqlServerSecurityPolicyTests
{
    private static readonly string Script = File.ReadAllText(Repository.PathOf("sql", "sqlserver", "security-policy.sql"));

    [Fact]
    public void ThePolicyFiltersExactlyTheTablesThePostgresPoliciesCover()
    {
        var filtered = FilterPredicate().Matches(Script).Select(m => m.Groups["table"].Value).Order(StringComparer.Ordinal);

        Assert.Equal(RowLevelSecurity.Policies.Select(p => p.Table).Concat(RollupSchema.ScopedTables).Order(StringComparer.Ordinal), filtered);
        Assert.Contains("with (state = on, schemabinding = on)", Script, StringComparison.Ordinal);
        Assert.Contains("session_context(N'governance.scope')", Script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATownshipSessionSeesOnlyItsAreasOnARealSqlServer()
    {
        var server = Environment.GetEnvironmentVariable("GOVERNANCE_TEST_SQLSERVER");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(server), "SQL Server test skipped: set GOVERNANCE_TEST_SQLSERVER to a connection string of a server where tests may create a database.");
        var builder = new SqlConnectionStringBuilder(server) { InitialCatalog = $"governance_test_{Guid.NewGuid():N}" };
        var factory = new WarehouseContextFactory(new WarehouseSettings(WarehouseProvider.SqlServer, builder.ConnectionString, 120));
        try
        {
            await new WarehouseMigrator(factory, NullLogger<WarehouseMigrator>.Instance).MigrateAsync(Ct);
            await using (var db = factory.CreateDbContext())
            {
                foreach (var code in new[] { "361100000000", "361100101000", "361100101200", "361100102000", "361100102200" })
                {
                    var parsed = AreaCode.Parse(code);
                    db.Areas.Add(new Area { AreaCode = code, Name = code, Level = parsed.Level, Kind = parsed.Kind, ParentCode = parsed.ParentCode, ValidFrom = new DateOnly(2000, 1, 1), IsCurrent = true });
                }

                await db.SaveChangesAsync(Ct);
                foreach (var batch in Regex.Split(Script, @"^go\r?$", RegexOptions.Multiline).Where(b => b.Contains("create ", StringComparison.Ordinal)))
                {
                    await db.Database.ExecuteSqlRawAsync(batch, Ct);
                }
            }

            AccessScope.Current = AccessScope.Within(AccessRole.Analyst, ["361100101000"]);
            await using var scoped = factory.CreateDbContext();
            var codes = await scoped.Areas.Select(a => a.AreaCode).OrderBy(c => c).ToListAsync(Ct);

            Assert.Equal(["361100000000", "361100101000", "361100101200"], codes);
        }
        finally
        {
            AccessScope.Current = null;
            await using var db = factory.CreateDbContext();
            await db.Database.EnsureDeletedAsync(Ct);
        }
    }

    [GeneratedRegex(@"add filter predicate [\w.]+\([\w, ]+\) on dbo\.(?<table>\w+)")]
    private static partial Regex FilterPredicate();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
