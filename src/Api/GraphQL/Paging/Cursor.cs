using System.Globalization;
using System.Text;
using Governance.Warehouse.Querying.Contracts;

namespace Governance.Api.GraphQL.Paging;

/// <summary>Opaque cursors: the position of a row in the ordered list, base64-encoded.</summary>
public static class Cursor
{
    private const string Prefix = "cursor:";

    public static string Encode(int position) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The highest position a cursor may name: a page after it still ends within <see cref="int"/> (offset plus page size
    /// never overflows into a negative offset).
    /// </summary>
    public const int MaxPosition = int.MaxValue - PageRequest.MaxSize - 1;

    /// <summary>The position after the cursor (0 for no cursor); a cursor this API did not issue, or one past <see cref="MaxPosition"/>, is a BAD_REQUEST error naming 'after'.</summary>
    public static int After(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        Span<byte> bytes = stackalloc byte[64];
        if (cursor.Length <= 64 && Convert.TryFromBase64String(cursor, bytes, out var written)
            && Encoding.ASCII.GetString(bytes[..written]) is var text && text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            && position <= MaxPosition)
        {
            return position + 1;
        }

        throw new QueryRuleException(QueryRuleException.BadRequest, $"'after' is '{cursor}', which is not a cursor of this list; pass an endCursor or edge cursor the API returned.");
    }
}
