using Governance.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Governance.Warehouse.Tests;

public sealed class WarehouseSettingsTests
{
    [Fact]
    public void WithNoSettingsTheWarehouseIsASqliteFileInTheDataFolder()
    {
        var settings = WarehouseSettings.FromConfiguration(Configuration([]));

        Assert.Equal(
            (WarehouseProvider.Sqlite, $"Data Source={Path.Combine(Repository.Root, "data", "governance.db")};Default Timeout=30;Pooling=True", 60, 128),
            (settings.Provider, settings.ConnectionString, settings.CommandTimeoutSeconds, settings.SqliteMemoryMapMegabytes));
    }

    [Theory]
    [InlineData("postgres", WarehouseProvider.Postgres)]
    [InlineData("SqlServer", WarehouseProvider.SqlServer)]
    [InlineData("SQLITE", WarehouseProvider.Sqlite)]
    public void TheProviderNameIsReadWhateverItsCase(string name, WarehouseProvider expected)
    {
        var settings = WarehouseSettings.FromConfiguration(Configuration(new() { ["Warehouse:Provider"] = name, ["ConnectionStrings:Warehouse"] = "Host=db" }));

        Assert.Equal(expected, settings.Provider);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("2")]
    [InlineData("")]
    public void AnUnknownProviderStopsStartUpNamingTheSetting(string name)
    {
        var error = Assert.Throws<WarehouseConfigurationException>(() => WarehouseSettings.FromConfiguration(Configuration(new() { ["Warehouse:Provider"] = name })));

        Assert.Equal($"Setting Warehouse:Provider is '{name}'; it must be one of Sqlite, Postgres, SqlServer.", error.Message);
    }

    [Fact]
    public void AServerProviderWithoutAConnectionStringStopsStartUpNamingTheSetting()
    {
        var error = Assert.Throws<WarehouseConfigurationException>(() => WarehouseSettings.FromConfiguration(Configuration(new() { ["Warehouse:Provider"] = "Postgres" })));

        Assert.Equal("Setting ConnectionStrings:Warehouse is missing; Warehouse:Provider Postgres needs a connection string.", error.Message);
    }

    [Fact]
    public void ACommandTimeoutOutOfRangeStopsStartUpNamingTheSetting()
    {
        var error = Assert.Throws<WarehouseConfigurationException>(() => WarehouseSettings.FromConfiguration(Configuration(new() { ["Warehouse:CommandTimeoutSeconds"] = "0" })));

        Assert.Contains("Warehouse:CommandTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65537")]
    public void AMemoryMapOutOfRangeStopsStartUpNamingTheSetting(string megabytes)
    {
        var error = Assert.Throws<WarehouseConfigurationException>(() => WarehouseSettings.FromConfiguration(Configuration(new() { ["Warehouse:SqliteMemoryMapMegabytes"] = megabytes })));

        Assert.Equal($"Setting Warehouse:SqliteMemoryMapMegabytes is {megabytes}; it must be between 0 (no memory map) and 65536.", error.Message);
    }

    [Fact]
    public void ReplicasAreReadAsAListInOrderOrAsOneString()
    {
        var list = WarehouseSettings.FromConfiguration(Configuration(new()
        {
            ["Warehouse:Provider"] = "Postgres",
            ["ConnectionStrings:Warehouse"] = "Host=primary",
            ["ConnectionStrings:WarehouseReplicas:1"] = "Host=standby2",
            ["ConnectionStrings:WarehouseReplicas:0"] = "Host=standby1",
            ["Warehouse:MaxReplicaLagSeconds"] = "5",
        }));
        var one = WarehouseSettings.FromConfiguration(Configuration(new() { ["Warehouse:Provider"] = "Postgres", ["ConnectionStrings:Warehouse"] = "Host=primary", ["ConnectionStrings:WarehouseReplicas"] = "Host=standby1" }));
        var none = WarehouseSettings.FromConfiguration(Configuration(new() { ["Warehouse:Provider"] = "Postgres", ["ConnectionStrings:Warehouse"] = "Host=primary" }));

        Assert.Equal(("Host=standby1|Host=standby2", 5), (string.Join('|', list.Replicas), list.MaxReplicaLagSeconds));
        Assert.Equal(("Host=standby1", 30), (string.Join('|', one.Replicas), one.MaxReplicaLagSeconds));
        Assert.Empty(none.Replicas);
    }

    [Theory]
    [InlineData("Sqlite", "ConnectionStrings:WarehouseReplicas:0", "Host=standby1", "Setting ConnectionStrings:WarehouseReplicas is set, but Warehouse:Provider is Sqlite; read replicas are PostgreSQL hot standbys (Warehouse:Provider Postgres).")]
    [InlineData("Postgres", "ConnectionStrings:WarehouseReplicas:0", "Database=x", "Setting ConnectionStrings:WarehouseReplicas:0 names no Host; it must be the connection string of a PostgreSQL standby.")]
    [InlineData("Postgres", "ConnectionStrings:WarehouseReplicas:0", "Hots=standby1", "Setting ConnectionStrings:WarehouseReplicas:0 is not a valid PostgreSQL connection string: ")]
    [InlineData("Postgres", "Warehouse:MaxReplicaLagSeconds", "0", "Setting Warehouse:MaxReplicaLagSeconds is 0; it must be between 1 and 86400.")]
    public void BadReplicaSettingsStopStartUpNamingTheSetting(string provider, string key, string value, string message)
    {
        var error = Assert.Throws<WarehouseConfigurationException>(() => WarehouseSettings.FromConfiguration(Configuration(new()
        {
            ["Warehouse:Provider"] = provider,
            ["ConnectionStrings:Warehouse"] = provider == "Sqlite" ? "Data Source=x.db" : "Host=primary",
            [key] = value,
        })));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
