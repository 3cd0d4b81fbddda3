using Governance.Warehouse.Querying.Contracts;
using GraphQL;

namespace Governance.Api.GraphQL.Paging;

/// <summary>The <c>first</c> and <c>after</c> arguments of a connection field, checked: an offset and a page size.</summary>
public sealed record PageRequest(int Offset, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;

    public static PageRequest From(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = context.GetArgument<int?>("first") ?? DefaultSize;
        if (first is < 0 or > MaxSize)
        {
            throw new QueryRuleException(QueryRuleException.BadRequest, $"'first' is {first}; it must be between 0 and {MaxSize}.");
        }

        return new PageRequest(Cursor.After(context.GetArgument<string?>("after")), first);
    }
}
