namespace Governance.Api.Exports;

/// <summary>Writes a table, row by row, into a <see cref="PendingStream"/> that its caller drains.</summary>
public abstract class TableWriter : IDisposable
{
    public abstract string ContentType { get; }

    public abstract void Begin(IReadOnlyList<string> headings);

    public abstract void Row(object?[] values);

    /// <summary>Pushes what the writer holds into its output, so that it can be drained.</summary>
    public abstract void Flush();

    /// <summary>Ends the file; everything is in the output afterwards.</summary>
    public abstract void Finish();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
