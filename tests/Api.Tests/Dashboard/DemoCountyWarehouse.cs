using Governance.Api.Hosting;
using Governance.Api.Tests.Support;
using Governance.Etl.Demo;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.Dashboard;

/// <summary>
/// A SQLite warehouse holding the demo county (青山县: 12 townships, 16 villages each, 2019-2024), loaded once by the
/// API's first-run demo, and the generator's own values for the same options, from which the tests compute what the
/// dashboard must show without asking the API.
/// </summary>
public sealed class DemoCountyWarehouse : IAsyncLifetime
{
    public const string County = DemoOptions.CountyCode;

    private readonly string _output = Path.Combine(Path.GetTempPath(), $"governance-dashboard-demo-{Guid.NewGuid():N}");

    public TestWarehouse Warehouse { get; private set; } = null!;

    /// <summary>The demo exactly as the API generated it (same seed, sizes and years).</summary>
    public DemoData Demo { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using (var api = new GovernanceApiFactory(Warehouse, new Dictionary<string, string?> { ["Demo:LoadOnFirstRun"] = "true", ["Demo:OutputDirectory"] = _output }))
        {
            _ = api.CreateClient(); // starts the host: the demo is loaded before it serves
        }

        Demo = DemoData.Generate(new FirstRunDemoOptions { OutputDirectory = _output }.ToDemoOptions());
    }

    public async ValueTask DisposeAsync()
    {
        await Warehouse.DisposeAsync();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
