namespace Governance.Api.Exports;

/// <summary>An operation whose answer is not one table (two lists side by side in a row).</summary>
public sealed class TableShapeException : Exception
{
    public TableShapeException()
    {
    }

    public TableShapeException(string message)
        : base(message)
    {
    }

    public TableShapeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
