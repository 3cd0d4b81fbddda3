namespace Governance.Etl.Reports;

/// <summary>A saved report's document that cannot be one: it does not parse, has no or several operations, is not a query, or declares a variable a URL cannot give.</summary>
public sealed class ReportDocumentException : Exception
{
    public ReportDocumentException()
    {
    }

    public ReportDocumentException(string message)
        : base(message)
    {
    }

    public ReportDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
