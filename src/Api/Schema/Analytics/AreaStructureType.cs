using Governance.Warehouse.Querying.Contracts;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>AS_REPORTED or CURRENT.</summary>
public sealed class AreaStructureType : EnumerationGraphType<AreaStructure>
{
    public AreaStructureType()
    {
        Name = "AreaStructure";
        Description = "Which area hierarchy history is rolled up under (区划口径).";
        Values["AS_REPORTED"]!.Description = "As reported (按原区划): history stays under the codes it was reported for. The default.";
        Values["CURRENT"]!.Description = "As today (按现区划): history of merged areas is mapped through the lineage to today's areas, so growth compares like with like.";
    }
}
