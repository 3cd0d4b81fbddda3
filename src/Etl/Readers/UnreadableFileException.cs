namespace Governance.Etl.Readers;

/// <summary>A file that cannot be read as what its name says (a damaged workbook, a legacy .xls); the message says what to do.</summary>
public sealed class UnreadableFileException : Exception
{
    public UnreadableFileException()
    {
    }

    public UnreadableFileException(string message)
        : base(message)
    {
    }

    public UnreadableFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
