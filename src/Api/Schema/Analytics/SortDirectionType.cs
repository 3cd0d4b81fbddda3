using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>ASC or DESC.</summary>
public sealed class SortDirectionType : EnumerationGraphType<SortDirection>
{
    public SortDirectionType()
    {
        Name = "SortDirection";
        Description = "Sort direction (排序方向).";
        Values["ASC"]!.Description = "Ascending (升序).";
        Values["DESC"]!.Description = "Descending (降序).";
    }
}
