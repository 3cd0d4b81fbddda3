using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Warehouse.Security;

/// <summary>
/// The requests per caller and minute that every API instance on this warehouse shares (<c>sec_request_count</c>), on the
/// primary (<c>ConnectionStrings:Warehouse</c>: standbys take no writes). Each addition is one atomic upsert that returns
/// the new count, on a connection of its own with a short timeout (<see cref="Timeout"/>), sent as plain ADO.NET so none
/// of EF's per-command work runs on the API's hot path.
/// </summary>
public sealed class RequestCountStore
{
    public const string Table = "sec_request_count";

    /// <summary>Longest caller the table holds; the API hashes a longer one.</summary>
    public const int MaxCallerLength = 80;

    /// <summary>How long an addition may take (connecting included) before it counts as the database not answering.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private const string UpsertSql = $"""
        INSERT INTO {Table} (caller, window_start_epoch, granted) VALUES (@caller, @window, @requests)
        ON CONFLICT (caller, window_start_epoch) DO UPDATE SET granted = {Table}.granted + excluded.granted
        RETURNING granted
        """;

    private const string SqlServerUpsertSql = $"""
        MERGE {Table} WITH (HOLDLOCK) AS c
        USING (SELECT @caller AS caller, @window AS window_start_epoch) AS s
        ON c.caller = s.caller AND c.window_start_epoch = s.window_start_epoch
        WHEN MATCHED THEN UPDATE SET granted = c.granted + @requests
        WHEN NOT MATCHED THEN INSERT (caller, window_start_epoch, granted) VALUES (@caller, @window, @requests)
        OUTPUT inserted.granted;
        """;

    private readonly WarehouseProvider _provider;
    private readonly string _connectionString;

    public RequestCountStore(WarehouseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _provider = settings.Provider;
        var seconds = (int)Timeout.TotalSeconds;
        _connectionString = settings.Provider switch
        {
            WarehouseProvider.Postgres => new NpgsqlConnectionStringBuilder(settings.ConnectionString)
            {
                ApplicationName = "governance-request-counts",
                Timeout = seconds,
                CommandTimeout = seconds,
                MaxPoolSize = 20,
            }.ConnectionString,
            WarehouseProvider.SqlServer => new SqlConnectionStringBuilder(settings.ConnectionString) { ConnectTimeout = seconds, CommandTimeout = seconds }.ConnectionString,

            // A load holds SQLite's write lock for its whole transaction: wait for it one second at most.
            _ => new SqliteConnectionStringBuilder(settings.ConnectionString) { DefaultTimeout = 1 }.ConnectionString,
        };
    }

    /// <summary>Adds <paramref name="requests"/> to the caller's count of the minute starting at <paramref name="windowStartEpoch"/> and returns the count after it.</summary>
    public async Task<long> AddAsync(string caller, long windowStartEpoch, long requests, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(caller.Length, MaxCallerLength, nameof(caller));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await using var connection = Connection();
        await connection.OpenAsync(timeout.Token);
        await using var command = connection.CreateCommand();
        command.CommandText = _provider == WarehouseProvider.SqlServer ? SqlServerUpsertSql : UpsertSql;
        Add(command, "caller", caller);
        Add(command, "window", windowStartEpoch);
        Add(command, "requests", requests);
        var granted = await command.ExecuteScalarAsync(timeout.Token);
        return Convert.ToInt64(granted, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes the counts of minutes that started before <paramref name="windowStartEpoch"/>; returns how many.</summary>
    public async Task<int> DeleteBeforeAsync(long windowStartEpoch, CancellationToken cancellationToken = default)
    {
        await using var connection = Connection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Table} WHERE window_start_epoch < @before";
        Add(command, "before", windowStartEpoch);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbConnection Connection() => _provider switch
    {
        WarehouseProvider.Postgres => new NpgsqlConnection(_connectionString),
        WarehouseProvider.SqlServer => new SqlConnection(_connectionString),
        _ => new SqliteConnection(_connectionString),
    };

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
