using Governance.Api.GraphQL;
using Governance.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Support;

/// <summary>The real API (its Program — found through a type of its assembly, as the ETL also has a Program —, HTTP pipeline and GraphQL endpoint) on a test warehouse of its own; first-run demo loading off; in-memory requests come from a loopback peer.</summary>
public sealed class GovernanceApiFactory(TestWarehouse warehouse, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<GovernanceSchema>
{
    public TestWarehouse Warehouse { get; } = warehouse;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>(Warehouse.Configuration)
        {
            ["Warehouse:MigrateOnStart"] = "true",
            ["Demo:LoadOnFirstRun"] = "false",
            ["Auth:AllowAnonymous"] = "true",
            ["Auth:AnonymousRole"] = "admin",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LoopbackPeer>());
    }
}
