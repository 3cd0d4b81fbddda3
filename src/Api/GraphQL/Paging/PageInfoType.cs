using GraphQL.Types;

namespace Governance.Api.GraphQL.Paging;

/// <summary>Relay page information, shared by every connection.</summary>
public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its list (分页信息): pass endCursor as 'after' to get the next page.";
        Field(p => p.HasNextPage).Description("True when rows follow this page (有下一页).");
        Field(p => p.HasPreviousPage).Description("True when rows precede this page (有上一页).");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first row of the page (起始游标); null for an empty page.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last row of the page (结束游标); null for an empty page.");
    }
}
