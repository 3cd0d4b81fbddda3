namespace Governance.Warehouse;

/// <summary>A server warehouse lacks migrations a command needs; the message says what to run.</summary>
public sealed class WarehouseNotMigratedException : Exception
{
    public WarehouseNotMigratedException()
    {
    }

    public WarehouseNotMigratedException(string message)
        : base(message)
    {
    }

    public WarehouseNotMigratedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
