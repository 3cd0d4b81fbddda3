using System.Data.Common;
using System.Diagnostics;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Governance.Api.Tests.Support;

/// <summary>Counts the SQL commands EF Core sends to one test warehouse (other tests' databases running in parallel are ignored).</summary>
public sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly Lock _gate = new();
    private readonly List<string> _commands = [];
    private readonly List<(string Text, DbParameter[] Parameters)> _executed = [];

    public SqlCounter(TestWarehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        _database = warehouse.Provider == WarehouseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(warehouse.ConnectionString).DataSource
            : new NpgsqlConnectionStringBuilder(warehouse.ConnectionString).Database!;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>The commands with copies of their parameters (values included), to run again, e.g. under EXPLAIN.</summary>
    public IReadOnlyList<(string Text, DbParameter[] Parameters)> Executed
    {
        get
        {
            lock (_gate)
            {
                return [.. _executed];
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _commands.Clear();
            _executed.Clear();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_gate)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && (data.Command.Connection?.DataSource == _database || data.Command.Connection?.Database == _database))
        {
            lock (_gate)
            {
                _commands.Add(data.Command.CommandText);
                _executed.Add((data.Command.CommandText, [.. data.Command.Parameters.Cast<DbParameter>().Select(p => p is ICloneable c ? (DbParameter)c.Clone() : p)]));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_gate)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
