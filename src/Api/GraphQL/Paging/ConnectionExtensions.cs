using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.GraphQL.Paging;

public static class ConnectionExtensions
{
    /// <summary>Adds the <c>first</c> and <c>after</c> arguments that <see cref="PageRequest.From"/> reads.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field
            .Argument<IntGraphType>("first", $"Page size (每页条数): at most {PageRequest.MaxSize}, default {PageRequest.DefaultSize}.")
            .Argument<StringGraphType>("after", "Return the rows after this cursor (游标): a previous page's pageInfo.endCursor.");
    }

    /// <summary>One page of an ordered query: a count and a page query, both run in the database.</summary>
    public static async Task<Connection<T>> ToConnectionAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(page);
        var total = await ordered.CountAsync(cancellationToken);
        var nodes = page.Size == 0 || page.Offset >= total
            ? []
            : await ordered.Skip(page.Offset).Take(page.Size).ToListAsync(cancellationToken);
        return new Connection<T>(nodes, total, page.Offset);
    }
}
