namespace Governance.Warehouse;

/// <summary>A setting is missing or wrong; the message names it.</summary>
public sealed class WarehouseConfigurationException : Exception
{
    public WarehouseConfigurationException()
    {
    }

    public WarehouseConfigurationException(string message)
        : base(message)
    {
    }

    public WarehouseConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
