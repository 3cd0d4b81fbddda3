using Governance.TestSupport;
using Governance.Warehouse.Schema;

namespace Governance.Warehouse.Tests.Schema;

public sealed class DdlScriptTests
{
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.Postgres)]
    [InlineData(WarehouseProvider.SqlServer)]
    public void TheCommittedDdlMatchesWhatTheMigrationsGenerate(WarehouseProvider provider)
    {
        var path = Repository.PathOf(DdlScripts.RelativePath(provider));
        var generated = DdlScripts.Generate(provider);
        if (Repository.UpdateSnapshots)
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run `dotnet run --project src/Etl -- ddl`.");
        Assert.True(
            File.ReadAllText(path).ReplaceLineEndings("\n") == generated,
            $"{path} is stale: run `dotnet run --project src/Etl -- ddl` and commit the result.");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite, "CREATE TABLE \"fct_indicator_value\"")]
    [InlineData(WarehouseProvider.Postgres, "CREATE TABLE fct_indicator_value (")]
    [InlineData(WarehouseProvider.SqlServer, "CREATE TABLE [fct_indicator_value] (")]
    public void EachProviderGetsTheFactTableInItsOwnDialect(WarehouseProvider provider, string expected) =>
        Assert.Contains(expected, DdlScripts.Generate(provider), StringComparison.Ordinal);
}
