using Governance.Warehouse.Dimensions;
using GraphQL.Types;

namespace Governance.Api.Schema.Areas;

/// <summary>Kind of area, from the digits of its code.</summary>
public sealed class AreaKindType : EnumerationGraphType<AreaKind>
{
    public AreaKindType()
    {
        Name = "AreaKind";
        Description = "Kind of area (区划类型), read from the digits of its division code.";
        Values["OTHER"]!.Description = "Province, prefecture or county: no kind of its own.";
        Values["STREET"]!.Description = "Street (街道): township digits 001-099.";
        Values["TOWN"]!.Description = "Town (镇): township digits 100-199.";
        Values["TOWNSHIP"]!.Description = "Township (乡): township digits 200-399.";
        Values["COMMUNITY"]!.Description = "Community or residents' committee (社区/居委会): village digits 001-199.";
        Values["VILLAGE"]!.Description = "Administrative village (村委会): village digits 200-399.";
    }
}
