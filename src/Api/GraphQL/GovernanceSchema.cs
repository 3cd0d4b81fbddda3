
namespace Governance.Api.GraphQL;

/// <summary>The Governance GraphQL schema.</summary>
public sealed class GovernanceSchema : global::GraphQL.Types.Schema
{
    public GovernanceSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
        Description = "Governance: grassroots governance indicators (基层党建与治理指标) for counties, townships and villages.";
    }
}
