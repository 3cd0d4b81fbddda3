using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Governance.Warehouse;

/// <summary>The validated provider and connection string, read once from configuration.</summary>
public sealed record WarehouseSettings(WarehouseProvider Provider, string ConnectionString, int CommandTimeoutSeconds)
{
    /// <summary>SQLite: megabytes of the file each connection reads through a memory map (<c>Warehouse:SqliteMemoryMapMegabytes</c>).</summary>
    public int SqliteMemoryMapMegabytes { get; init; } = WarehouseOptions.DefaultSqliteMemoryMapMegabytes;

    /// <summary>Reads and validates the settings; a bad value throws an exception whose message names the setting.</summary>
    public static WarehouseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new WarehouseOptions();
        configuration.GetSection(WarehouseOptions.Section).Bind(options);
        if (!Enum.TryParse<WarehouseProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider) || int.TryParse(options.Provider, CultureInfo.InvariantCulture, out _))
        {
            throw new WarehouseConfigurationException(
                $"Setting Warehouse:Provider is '{options.Provider}'; it must be one of Sqlite, Postgres, SqlServer.");
        }

        if (options.CommandTimeoutSeconds is < 1 or > 3600)
        {
            throw new WarehouseConfigurationException(
                $"Setting Warehouse:CommandTimeoutSeconds is {options.CommandTimeoutSeconds}; it must be between 1 and 3600.");
        }

        if (options.SqliteMemoryMapMegabytes is < 0 or > 65536)
        {
            throw new WarehouseConfigurationException(
                $"Setting Warehouse:SqliteMemoryMapMegabytes is {options.SqliteMemoryMapMegabytes}; it must be between 0 (no memory map) and 65536.");
        }

        var connectionString = configuration.GetConnectionString("Warehouse");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == WarehouseProvider.Sqlite
                ? WarehouseOptions.DefaultSqliteConnectionString(DefaultPaths.Resolve(WarehouseOptions.DefaultSqliteFile))
                : throw new WarehouseConfigurationException(
                    $"Setting ConnectionStrings:Warehouse is missing; Warehouse:Provider {provider} needs a connection string.");
        }

        return new WarehouseSettings(provider, connectionString, options.CommandTimeoutSeconds) { SqliteMemoryMapMegabytes = options.SqliteMemoryMapMegabytes };
    }
}
