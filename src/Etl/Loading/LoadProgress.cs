namespace Governance.Etl.Loading;

/// <summary>How far a load has come: rows read and bytes of the file consumed (for a progress bar and time left).</summary>
public sealed record LoadProgress(string FileName, long RowsRead, long BytesRead, long TotalBytes);
