using Governance.Warehouse.Providers;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.Warehouse.Schema;

/// <summary>The DDL each provider receives, generated from its migrations without a server: what <c>sql/&lt;provider&gt;/schema.sql</c> holds.</summary>
public static class DdlScripts
{
    public static string RelativePath(WarehouseProvider provider) =>
        Path.Combine("sql", provider.ToString().ToLowerInvariant(), "schema.sql");

    public static string Generate(WarehouseProvider provider)
    {
        using WarehouseDbContext db = provider switch
        {
            WarehouseProvider.Sqlite => new SqliteDesignTimeFactory().CreateDbContext([]),
            WarehouseProvider.Postgres => new PostgresDesignTimeFactory().CreateDbContext([]),
            _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
        };
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);
        var header = $"-- Governance warehouse DDL for {provider}, generated from src/Warehouse/Migrations/{provider}.{Environment.NewLine}" +
            $"-- Do not edit: run `dotnet run --project src/Etl -- ddl` after adding a migration.{Environment.NewLine}{Environment.NewLine}";
        return (header + script).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>Writes every provider's script under <paramref name="repositoryRoot"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string repositoryRoot)
    {
        var written = new List<string>();
        foreach (var provider in Enum.GetValues<WarehouseProvider>())
        {
            var path = Path.Combine(repositoryRoot, RelativePath(provider));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Generate(provider));
            written.Add(path);
        }

        return written;
    }
}
