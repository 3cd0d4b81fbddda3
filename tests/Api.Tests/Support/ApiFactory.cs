using Governance.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Api.Tests.Support;

/// <summary>The API over a test warehouse of its own: migrated at start, without the first-run demo load.</summary>
public sealed class ApiFactory(TestWarehouse warehouse) : WebApplicationFactory<Program>
{
    public TestWarehouse Warehouse => warehouse;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in warehouse.Configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Warehouse:MigrateOnStart", "true");
        builder.UseSetting("Demo:LoadOnFirstRun", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
