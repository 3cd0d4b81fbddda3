namespace Governance.Api.Schema.Analytics;

/// <summary>Ascending or descending.</summary>
public enum SortDirection
{
    Asc = 1,
    Desc = 2,
}
