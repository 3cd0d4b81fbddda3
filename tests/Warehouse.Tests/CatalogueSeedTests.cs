using System.Text.RegularExpressions;
using Governance.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Tests;

public sealed partial class CatalogueSeedTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateSeedsEveryIndicatorOfTheCatalogueDocument(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var db = warehouse.CreateDbContext();

        var seeded = await db.Indicators.ToDictionaryAsync(i => i.IndicatorCode, i => i.NameZh, TestContext.Current.CancellationToken);

        Assert.Equal(DocumentedIndicators(), seeded.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    /// <summary>Code and Chinese name of every row of INDICATORS.md's indicator tables, read from the document itself.</summary>
    private static IEnumerable<KeyValuePair<string, string>> DocumentedIndicators()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "INDICATORS.md"));
        return IndicatorRow().Matches(text)
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value.Trim()))
            .OrderBy(p => p.Key, StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Governance.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^\| ([A-Z][A-Z_]+) \| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex IndicatorRow();
}
