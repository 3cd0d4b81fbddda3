using System.Globalization;
using System.Text;
using Governance.Etl.Loading;

namespace Governance.Etl.Scheduling;

/// <summary>The text report written beside a file moved out of the inbox: counts, message and every reject.</summary>
internal static class InboxReport
{
    public static string Render(string fileName, LoadResult result, IReadOnlyList<RejectSummary> rejects, DateTimeOffset at)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"file:      {fileName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"loaded at: {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"batch:     {result.LoadBatchId?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"status:    {result.Status}");
        text.AppendLine(CultureInfo.InvariantCulture, $"rows:      {result.RowsRead} read, {result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged, {result.Rejected} rejected, {result.Warnings} warnings");
        if (result.Message is { } message)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"message:   {message}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"rejects:   {rejects.Count}");
        foreach (var reject in rejects)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {reject}");
        }

        return text.ToString();
    }
}
