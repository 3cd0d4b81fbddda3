using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Governance.Warehouse;

/// <summary>The validated provider and connection string, read once from configuration.</summary>
public sealed record WarehouseSettings(WarehouseProvider Provider, string ConnectionString, int CommandTimeoutSeconds)
{
    /// <summary>SQLite: megabytes of the file each connection reads through a memory map (<c>Warehouse:SqliteMemoryMapMegabytes</c>).</summary>
    public int SqliteMemoryMapMegabytes { get; init; } = WarehouseOptions.DefaultSqliteMemoryMapMegabytes;

    /// <summary>
    /// PostgreSQL hot standbys the API reads from (<c>ConnectionStrings:WarehouseReplicas</c>); empty: every read goes to
    /// <see cref="ConnectionString"/>. The ETL, migrations, key management and the scheduler never use them.
    /// </summary>
    public IReadOnlyList<string> Replicas { get; init; } = [];

    /// <summary>A replica further behind than this is skipped (<c>Warehouse:MaxReplicaLagSeconds</c>).</summary>
    public int MaxReplicaLagSeconds { get; init; } = WarehouseOptions.DefaultMaxReplicaLagSeconds;

    /// <summary>Whether loads and the catalogue seed keep the roll-ups (<c>Warehouse:Rollups:Maintain</c>).</summary>
    public bool MaintainRollups { get; init; } = true;

    /// <summary>Whether the engine may answer from current roll-ups (<c>Warehouse:Rollups:Use</c>).</summary>
    public bool UseRollups { get; init; } = true;

    /// <summary>Reads and validates the settings; a bad value throws an exception whose message names the setting.</summary>
    public static WarehouseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new WarehouseOptions();
        try
        {
            configuration.GetSection(WarehouseOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // A value that is not of its setting's type ("yes" for a flag): the binder's message names the setting.
            throw new WarehouseConfigurationException(e.Message, e);
        }
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

        if (options.MaxReplicaLagSeconds is < 1 or > 86400)
        {
            throw new WarehouseConfigurationException(
                $"Setting Warehouse:MaxReplicaLagSeconds is {options.MaxReplicaLagSeconds}; it must be between 1 and 86400.");
        }

        return new WarehouseSettings(provider, connectionString, options.CommandTimeoutSeconds)
        {
            SqliteMemoryMapMegabytes = options.SqliteMemoryMapMegabytes,
            Replicas = ReadReplicas(configuration, provider),
            MaxReplicaLagSeconds = options.MaxReplicaLagSeconds,
            MaintainRollups = options.Rollups.Maintain,
            UseRollups = options.Rollups.Use,
        };
    }

    /// <summary>
    /// <c>ConnectionStrings:WarehouseReplicas</c> as a list (<c>:0</c>, <c>:1</c>, ...; environment variables
    /// <c>ConnectionStrings__WarehouseReplicas__0</c>) or one string; each a PostgreSQL connection string.
    /// </summary>
    private static string[] ReadReplicas(IConfiguration configuration, WarehouseProvider provider)
    {
        var section = configuration.GetSection(WarehouseOptions.ReplicasSetting);
        var entries = section.GetChildren()
            .Select(c => (Key: $"{WarehouseOptions.ReplicasSetting}:{c.Key}", c.Value, Order: int.TryParse(c.Key, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue))
            .OrderBy(e => e.Order)
            .Select(e => (e.Key, e.Value))
            .ToList();
        if (entries.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
        {
            entries.Add((WarehouseOptions.ReplicasSetting, section.Value));
        }

        if (entries.Count == 0)
        {
            return [];
        }

        if (provider != WarehouseProvider.Postgres)
        {
            throw new WarehouseConfigurationException(
                $"Setting {WarehouseOptions.ReplicasSetting} is set, but Warehouse:Provider is {provider}; read replicas are PostgreSQL hot standbys (Warehouse:Provider Postgres).");
        }

        var replicas = new string[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, value) = entries[i];
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new WarehouseConfigurationException($"Setting {key} is empty; it must be the connection string of a PostgreSQL standby.");
            }

            try
            {
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(value);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    throw new WarehouseConfigurationException($"Setting {key} names no Host; it must be the connection string of a PostgreSQL standby.");
                }
            }
            catch (ArgumentException e)
            {
                throw new WarehouseConfigurationException($"Setting {key} is not a valid PostgreSQL connection string: {e.Message}", e);
            }

            replicas[i] = value;
        }

        return replicas;
    }
}
