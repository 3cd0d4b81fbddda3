using Governance.Warehouse.Dimensions;
using GraphQL.Types;

namespace Governance.Api.Schema.Areas;

/// <summary>Level of an area in the administrative hierarchy.</summary>
public sealed class AreaLevelType : EnumerationGraphType<AreaLevel>
{
    public AreaLevelType()
    {
        Name = "AreaLevel";
        Description = "Level of an area in the administrative hierarchy (行政层级).";
        Values["PROVINCE"]!.Description = "Province (省级).";
        Values["PREFECTURE"]!.Description = "Prefecture or city (地级).";
        Values["COUNTY"]!.Description = "County or district (县级).";
        Values["TOWNSHIP"]!.Description = "Township, town or street (乡级: 乡镇街道).";
        Values["VILLAGE"]!.Description = "Administrative village or community (村级: 村委会/社区).";
    }
}
