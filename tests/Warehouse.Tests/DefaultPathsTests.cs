using Governance.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Governance.Warehouse.Tests;

/// <summary>The default files sit under the repository root wherever the API or the CLI is started inside it.</summary>
public sealed class DefaultPathsTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("governance-paths-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("src/Api")]
    [InlineData("data/inbox/archive")]
    public void FromTheRootOrAnyFolderBelowItTheWarehouseIsTheRootsDataFile(string start)
    {
        var root = Repo("repo");
        var current = Directory.CreateDirectory(Path.Combine(root, start)).FullName;

        Assert.Equal(Path.Combine(root, "data", "governance.db"), DefaultPaths.Resolve("data/governance.db", current, Path.Combine(_temp.FullName, "elsewhere")));
    }

    [Fact]
    public void OutsideAnyRepositoryTheAppsOwnRepositoryIsUsed()
    {
        var root = Repo("repo");
        var binaries = Directory.CreateDirectory(Path.Combine(root, "src", "Etl", "bin", "Debug", "net10.0")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(_temp.FullName, "home")).FullName;

        Assert.Equal(Path.Combine(root, "data", "demo"), DefaultPaths.Resolve("data/demo", outside, binaries));
    }

    [Fact]
    public void WithNoRepositoryAtAllTheCurrentDirectoryIsUsed()
    {
        var current = Directory.CreateDirectory(Path.Combine(_temp.FullName, "srv", "governance")).FullName;
        var binaries = Directory.CreateDirectory(Path.Combine(_temp.FullName, "opt", "governance")).FullName;

        Assert.Equal(Path.Combine(current, "data", "governance.db"), DefaultPaths.Resolve("data/governance.db", current, binaries));
    }

    [Fact]
    public void TheNearestRepositoryWins()
    {
        var outer = Repo("outer");
        var inner = Repo(Path.Combine("outer", "worktrees", "inner"));

        Assert.Equal(
            (Path.Combine(inner, "data", "inbox"), Path.Combine(outer, "data", "inbox")),
            (DefaultPaths.Resolve("data/inbox", Directory.CreateDirectory(Path.Combine(inner, "tests")).FullName, outer),
             DefaultPaths.Resolve("data/inbox", Directory.CreateDirectory(Path.Combine(outer, "tests")).FullName, inner)));
    }

    [Fact]
    public void WithNoSettingThisProcessUsesTheRepositorysWarehouse()
    {
        var settings = WarehouseSettings.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(Path.Combine(Repository.Root, "data", "governance.db"), new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
    }

    [Fact]
    public void AConnectionStringSettingIsTakenAsWritten()
    {
        var settings = WarehouseSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Warehouse"] = "Data Source=data/governance.db" }).Build());

        Assert.Equal("Data Source=data/governance.db", settings.ConnectionString);
    }

    private string Repo(string relative)
    {
        var root = Directory.CreateDirectory(Path.Combine(_temp.FullName, relative)).FullName;
        File.WriteAllText(Path.Combine(root, DefaultPaths.RepositoryMarker), "");
        return root;
    }
}
